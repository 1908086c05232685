package persons

import (
	"slices"
	"strings"
)

// The name lists, read-only, for other packages that recognise names by their shape
// (analysis/lexicon finds names in running text with them).

// IsSurname reports whether c is a single-character Chinese surname of the built-in list
// (the Hundred Family Surnames and the most frequent modern surnames, without those that
// are mostly function words).
func IsSurname(c rune) bool { return strings.ContainsRune(surnames, c) }

// CompoundSurnames returns the two-character Chinese surnames (欧阳, 司马, …).
func CompoundSurnames() []string { return slices.Clone(compoundSurnames) }

// JapaneseSurnames returns the Japanese family names of two or more characters (福田, 中曾根, …).
func JapaneseSurnames() []string { return slices.Clone(japaneseSurnames) }

// IsTranslitChar reports whether c is a character of the Xinhua transliteration tables for
// foreign names (世界人名翻译大辞典) as listed here.
func IsTranslitChar(c rune) bool { return strings.ContainsRune(translitChars, c) }

// RoleTitles returns the titles and offices (主席, 总理, 团长, …) of the built-in list.
func RoleTitles() []string { return slices.Clone(roleTitles) }

// Honorifics returns the words that follow a name without being an office (同志, 先生, 等, …).
func Honorifics() []string { return slices.Clone(honorifics) }

// BuiltinNames returns the built-in known names (leaders of the period, Chinese and foreign).
func BuiltinNames() []string { return slices.Clone(builtinNames) }

// IsPlace reports whether s is a listed country, region or body (美国, 巴基斯坦, 联合国) or
// ends like an office, organisation or place (民政部, 江苏省): it is then no person.
func IsPlace(s string) bool {
	if slices.Contains(places, s) {
		return true
	}
	r := []rune(s)
	return len(r) > 0 && strings.ContainsRune(placeSuffixes, r[len(r)-1])
}

// Places returns the listed countries, regions and bodies (美国, 俄罗斯, 联合国, …).
func Places() []string { return slices.Clone(places) }

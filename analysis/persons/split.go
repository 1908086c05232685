package persons

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Costs of the pieces of a run-together entry. The cheapest cover wins, so a split into
// known names beats one into merely name-shaped pieces; among equal costs the cover with
// fewer pieces wins, then the one found first (shorter first piece).
const (
	costKnown    = 1 // a known name, alias or correction
	costChinese  = 3 // surname + one or two characters
	costJapanese = 3 // Japanese surname + given name
	costTranslit = 4 // transliteration characters only, at least three
)

// splitKnown splits n into two or more known names (no name-shaped guesses).
//
// A foreign name is never split: a Japanese-shaped entry not at all, a transliteration-
// shaped one only into known names of three characters or more (赫鲁晓夫肯尼迪, but not
// 赫鲁晓夫 into 赫鲁 + 晓夫).
func (r *Resolver) splitKnown(n string) (persons []string, why string, ok bool) {
	minPiece := 2
	switch {
	case r.japaneseShape(n):
		return nil, "", false
	case r.translitShape(n):
		minPiece = 3
	}
	ps, pieces, ok := r.cover(n, false, minPiece)
	if !ok {
		return nil, "", false
	}
	if len(ps) == 1 {
		return ps, "known name with known words: " + pieces, true
	}
	return ps, "run-together names split into known names: " + pieces, true
}

// split splits n into known and name-shaped pieces, then tries the Segmenter.
func (r *Resolver) split(n string) (persons []string, why string, ok bool) {
	if ps, pieces, ok := r.cover(n, true, 2); ok {
		return ps, "run-together names split: " + pieces, true
	}
	if r.seg == nil {
		return nil, "", false
	}
	// Every word of a split must resolve, as a known name (at least minKnown runes) or a
	// name shape (at least 2): shorter entries cannot split, and the segmenter, whose
	// dictionary takes seconds to load, is not asked.
	if utf8.RuneCountInString(n) < 2*r.minKnown {
		return nil, "", false
	}
	words := r.seg.Cut(n)
	if len(words) < 2 {
		return nil, "", false
	}
	ps := make([]string, 0, len(words))
	for _, w := range words {
		p, _, ok := r.single(w)
		if !ok {
			return nil, "", false
		}
		ps = append(ps, p)
	}
	return ps, "run-together names split by the segmenter: " + strings.Join(ps, "+"), true
}

func joinPieces(ps, kinds []string) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(" + ")
		}
		b.WriteString(p)
		b.WriteString(" (")
		b.WriteString(kinds[i])
		b.WriteString(")")
	}
	return b.String()
}

// cover finds the cheapest cover of n by two or more pieces of at least minPiece
// characters: known names only, or with shapes also name-shaped pieces. It is a
// shortest-path search over rune positions (n is short: an RW entry).
func (r *Resolver) cover(n string, shapes bool, minPiece int) (persons []string, pieces string, ok bool) {
	if !allHan(n) {
		return nil, "", false
	}
	var offs [65]int // byte offset of each rune boundary; entries longer than 64 runes are not split
	N := 0
	for i := range n {
		if N == len(offs)-1 {
			return nil, "", false
		}
		offs[N] = i
		N++
	}
	offs[N] = len(n)
	if N < 4 {
		return nil, "", false
	}
	maxLen := max(r.maxKnown, 6)
	type state struct {
		cost, pieces, from int
		person, kind       string
	}
	var best [65]state
	for i := 1; i <= N; i++ {
		best[i].cost = math.MaxInt
	}
	for i := 0; i < N; i++ {
		if best[i].cost == math.MaxInt {
			continue
		}
		for j := i + minPiece; j <= N && j-i <= maxLen; j++ {
			s := n[offs[i]:offs[j]]
			person, kind, c := r.piece(s, shapes)
			if c == 0 {
				continue
			}
			cost, pieces := best[i].cost+c, best[i].pieces+1
			if cost < best[j].cost || (cost == best[j].cost && pieces < best[j].pieces) {
				best[j] = state{cost: cost, pieces: pieces, from: i, person: person, kind: kind}
			}
		}
	}
	if best[N].cost == math.MaxInt || best[N].pieces < 2 {
		return nil, "", false
	}
	k := best[N].pieces
	texts, kinds := make([]string, k), make([]string, k)
	for j := N; j > 0; j = best[j].from {
		k--
		texts[k], kinds[k] = n[offs[best[j].from]:offs[j]], best[j].kind
		if p := best[j].person; p != "" {
			persons = append(persons, p)
		}
	}
	if len(persons) == 0 {
		return nil, "", false
	}
	slices.Reverse(persons)
	return persons, joinPieces(texts, kinds), true
}

// piece prices s as one piece of a run-together entry; 0 means it cannot be one.
func (r *Resolver) piece(s string, shapes bool) (person, kind string, cost int) {
	if p, ok := r.aliases[s]; ok {
		return p, "alias", costKnown
	}
	if p, ok := r.corrections[s]; ok {
		return p, "corrected", costKnown
	}
	if _, ok := r.known[s]; ok {
		return s, "known", costKnown
	}
	// Words beside the names give no person (邓小平会见, 江泽民主席刘少奇主席).
	switch {
	case r.roles[s]:
		return "", "role title", costKnown
	case r.events[s]:
		return "", "event", costKnown
	case r.others[s]:
		return "", "other word", costKnown
	case slices.Contains(honorifics, s):
		return "", "honorific", costKnown
	}
	if !shapes || r.isPlace(s) {
		return "", "", 0
	}
	switch {
	case r.japaneseShape(s):
		return s, "Japanese name shape", costJapanese
	case r.chineseShape(s):
		return s, "Chinese name shape", costChinese
	case utf8.RuneCountInString(s) >= 3 && r.translitShape(s):
		return s, "transliteration shape", costTranslit
	}
	return "", "", 0
}

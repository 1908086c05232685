// Package persons turns the raw RW (人物) lists of the archive into persons.
//
// The archive's indexers recorded the persons of an article in an RW list, but the list
// mixes names with roles (主席, 马来西亚总理), events (会见外宾, 访华) and other words
// (照片, 活动); runs names together (刘少奇周恩来陈毅); writes forms of address for names
// (毛主席, 卡特总统, 中国（的）赫鲁晓夫); and breaks spellings (朱 基, 彭pei云, 周恩东). A
// Resolver classifies every entry and says why, and gives the persons.
//
// Use it in two passes: Learn every article's RW list first, so that names seen alone
// anywhere in the corpus are known, then Resolve each list. Resolve only reads, so one
// Resolver serves many goroutines once learning is over. Persons gives an article's
// distinct persons, Tally counts them over a corpus (baokan persons --summary), and
// TextFinder finds known persons in body text (--from-text).
//
// # Rules, in the order they are tried on one entry
//
//  1. Normalise: trim spaces and stray punctuation, drop spaces inside (朱 基 → 朱基),
//     lower-case Latin letters. An empty entry, or 等 or an honorific alone, is Other.
//  2. Look the entry up, as it is and then without a trailing 等 or honorific (同志, 先生,
//     一行): the correction table (朱基 → 朱镕基, 周恩东 → 周恩来; BuiltinCorrections),
//     the alias table (毛主席 → 毛泽东; BuiltinAliases, overridden and extended by
//     Options.Aliases), the known names (built-in unless Options.NoBuiltinNames,
//     Options.KnownNames, the aliases' targets, and names learned). A known name is never
//     split.
//  3. Exact lists: role titles (主席, 委员长, 国家副主席, …), events (接见, 会见外宾, 访华,
//     设宴, 签字, 祝贺寿辰, …), other words (照片, 活动, …), places (马来西亚: Other).
//     See lists.go. An entry that is itself a list (毛泽东、刘少奇) is resolved part by part.
//  4. Known names and words run together: the entry is covered by two or more pieces that
//     are known names, aliases, corrections, or listed words that give no person
//     (刘少奇周恩来陈毅, 毛主席周总理, 邓小平会见, 江泽民主席李鹏总理).
//  5. Event prefixes and suffixes (会见…, 接见…, 访…; …访华, …会议, …演讲) and other
//     suffixes (…照片, …夫人: 卡特夫人 names no one by name).
//  6. Title glued to a name: a role title at the end or start (卡特总统, 总统卡特), longest
//     title first. What remains is a person when it is known or name-shaped and not a
//     place; a role when it is an office, organisation or place (民政部部长, 日本首相,
//     马来西亚总理, 中苏友好协会总会副会长); a role also when it is a bare surname (刘主席).
//  7. One name by its shape: a Japanese name (two-character Japanese surname, 3–6
//     characters: 福田赳夫, 小泉纯一郎), a transliterated foreign name (all characters from
//     the transliteration table: 赫鲁晓夫, 拉扎克), a Chinese name (surname + one or two
//     characters; compound surname + one or two).
//  8. Run-together names by shape: the cheapest cover by known and name-shaped pieces
//     (costs in split.go); then the optional Segmenter, whose words must each resolve.
//  9. A name with pinyin for a lost character not in the correction table (王xi文) is kept
//     as a person, said so. Anything else is Other, "unrecognised".
//
// Foreign names are never split: a Japanese-shaped entry not at all, a transliteration-
// shaped one only into known names of three characters or more (赫鲁晓夫肯尼迪).
//
// A role that follows a person in the list is reported as that person's (江泽民；主席).
// A name borne by different persons (布什, 1975 vs. 2001) is flagged in the Reason and, with
// Options.DisambiguateByDate, replaced by the person the date points to (老布什, 小布什).
package persons

// Package lexicon finds, in a corpus itself, the words its segmentation dictionary lacks:
// the names of the persons it writes about, and its own new words (campaign words,
// organisations, set phrases of the period). A Finder reads the articles once, in corpus
// order (the corpus-words pass of baokan, before any text is cut), and returns what it
// found with its evidence; the same articles in the same order give the same result,
// whatever the number of cores that parsed them.
//
// # Names
//
// Every kicker, title, subtitle and body paragraph of every article is scanned for
// name-shaped strings (the lists are those of analysis/persons):
//
//   - Chinese (and Korean): a surname (one character of the built-in list, or a compound
//     surname such as 欧阳) followed by one or two given characters. Korean names have the
//     same shape (金日成); one is labelled korean when its surname is a Korean one (金, 朴,
//     崔, …) and the article names 朝鲜 or 韩国.
//   - Japanese: a Japanese surname of two or more characters (福田, 中曾根) followed by one
//     to three characters.
//   - Foreign, in transliteration: a run of three or more characters of the transliteration
//     table, possibly joined by a middle dot (马克·吐温).
//
// Every character of a candidate is a Han character that is not a function character
// (的, 了, 是, 在, 和, 说, …). A candidate never takes in a word that stands in a name
// context: where the text after a surname and one given character starts with a title or a
// word that follows names (团长, 同志, 说, 等), the candidate stops there (吕行硕团长 gives
// 吕行硕 only when the text has 吕行硕 before something else; 彭真同志 never gives 彭真同),
// and where a title follows the surname itself (刘主席) there is no candidate. A known
// person (RW lists, analysis/persons' built-in names) is skipped whole, so no Chinese name is
// found inside 赫鲁晓夫, and a foreign run holding a known name and more (马克思列宁) is none.
//
// Name contexts are the role titles of analysis/persons (主席, 总理, 团长, …), ranks and
// callings (战士, 班长, 连长, 排长, 指导员, 记者, …) before or after the candidate, and the words
// that follow names (同志, 说, 等, 先生, 表示, 指出, …) after it.
//
// The length of a Chinese or Japanese name is chosen per article: the form seen most often
// to end (followed by a follower, a title, punctuation or the end of the text) wins, longer
// first; when no form is seen to end, the longer form (吕行硕) is the name when it makes at
// least 70 % of the occurrences of its shorter form (吕行), otherwise the shorter form is.
// A form that occurs (nearly) only inside a longer chosen one of the same article (高明 in
// 张高明) is dropped.
//
// A candidate is a name when
//
//   - within one article it occurs at least 3 times with at least one occurrence in a name
//     context, or at least twice with two in a name context (MinArticleRepeats,
//     MinArticleContexts); or
//   - one occurrence is framed: a title or a list delimiter (、，；：（ “ 和 与 及, or the start
//     of the text) before it, its end seen after it (唐闻生、沈若芸、王海容). Surnames that are
//     far more often words of their own (向, 高, 全, 明, 左, 荣, 谈, 祝, …: weakSurnames) need
//     repetition instead; or
//   - over the corpus it stands in a name context at least 3 times in at least 2 articles
//     (MinCorpusContexts, MinCorpusArticles);
//
// and it is not a place (analysis/persons.IsPlace), a role title, or a known person already,
// and it is not bound on the left: when one character stands before at least 60 % of its
// occurrences (and twice at least), the "surname" belongs to a word with it (指战员, 双方一致).
// A foreign run needs two occurrences with a middle dot, a title before it or 说/表示 after it,
// or one framed occurrence with a middle dot: runs of transliteration characters are also
// country and place names (巴基斯坦总统). A Chinese candidate next to a middle dot or a dash
// is part of a foreign name, and none.
//
// Rules added on the evidence of the real articles (testdata/names: the 210 occurrences of
// 2,050 that the rules above left in pieces, listed and read one by one; each rule has a
// test on the sentences it was made for, rules_test.go). With them, and the names hidden in
// dictionary words that analysis/segment now cuts out, 1,959 of the 2,050 come out whole
// (0.898 before), and 5 of the 376 names added to the dictionary are not persons:
//
//   - After a title, a rank or a calling (persons' role titles, ranks, callings, kinship
//     words: 团长, 政委, 老红军, 弟弟, 本科生, 选手 …) the name needs no stop after it: it may
//     end where a function character that is in no given name stands (的, 在, 对, 到, 也),
//     where 时 or 后 stands, or where a word of the segmentation dictionary
//     (Options.Dictionary, gse's) starts (团长孙学典到炮一连, 政委徐建章见到报纸, 书记刘仁宣布,
//     老红军王林离休后). Not when the surname and first given character, or the whole
//     candidate, are a dictionary word (领导人支持俄, 硕士毕业后), nor when the last given
//     character starts a dictionary word with what follows (部长吴仪邀请 gives no 吴仪邀). One
//     such occurrence is framed, as a title before and a stop after already were.
//   - A transliteration run after a title is framed the same way (外交大臣梅纳西博士,
//     俄罗斯国防部长格拉乔夫进行检阅); two transliteration characters between two titles
//     are a name too (参谋长内加准将). A run that ends with a function character (达维多夫于)
//     ends before it. Where no form of a run is seen to end, the longest form that makes
//     70 % of the occurrences of the most frequent one is the name (格拉乔夫, not
//     格拉乔夫登 of 格拉乔夫登上), as for Chinese names.
//   - Names joined by middle dots are taken whatever their characters, the table of
//     transliteration characters being incomplete (亚历山大·阿布施, 汉因茨·克雷斯): see
//     dotNames for where the first and last parts stop. One framed occurrence is enough,
//     the dot being the sign of a foreign name; a part that is a number (一二·九) or a
//     dictionary word that is no person's name (人民日报·海外版) makes none.
//   - In a list, names that share the surname and first given character (杨振亚 杨振怀 in
//     the 1993 list of NPC members) are each a name when each is framed; the family rule
//     (one form per surname and first character) chose one of them only.
//   - A person of analysis/persons' built-in list met in the text is reported as a name
//     found, unless the corpus's RW lists name it (it is a word already): gse's dictionary
//     cuts 勃列日涅夫 (勃 / 列日涅夫) and 崔乃夫 otherwise, and the built-in names were only
//     skipped by the scan.
//
// Known persons and places are skipped whole by the scan: analysis/persons' built-in names,
// aliases (毛主席) and places, and the names given to NewFinder; the RW persons met during the
// pass only leave the result (Known), so that the scan, which runs on several goroutines,
// sees the same lists whatever their timing. The tallies of the articles add up in any order.

// # New words
//
// Words are found by the character n-gram statistics of Matrix67 (顾森), 互联网时代的社会
// 语言学：基于SNS的文本数据挖掘 (2012): a string is a word when it is frequent, its characters
// hold together (internal cohesion) and it is used in many different contexts (free on both
// sides). For a string w of 2 to 4 Han characters (MaxWordLen) with count c(w) in a sample
// of N characters:
//
//	cohesion(w) = min over the cuts w = a·b of log2( c(w) · N / (c(a) · c(b)) )
//
// the least pointwise mutual information of its two parts (Church & Hanks 1990), and the
// branching entropies of its neighbours (Jin & Tanaka-Ishii 2006; the entropy form of Feng
// et al. 2004's accessor variety)
//
//	H_left(w) = −Σ_x p(x|w) log2 p(x|w)   over the characters x just before w,
//
// and H_right likewise after it; a text boundary or a non-Han character counts as a
// different neighbour each time (as accessor variety counts sentence boundaries). A string
// is a new word when c(w) ≥ MinWordCount, cohesion(w) ≥ MinCohesion + (n−2)·1 bit for n
// characters, min(H_left, H_right) ≥ MinEntropy, it neither starts nor ends with a function
// character, it is not a number, and no longer word found contains it with at least 90 % of
// its occurrences (then it is only a piece of that word).
//
// Cost is bounded: only Han text of a sample of articles is counted. Articles are taken in
// corpus order, every one at first; when the sample passes SampleChars characters
// (3 million by default), every other article of the sample is dropped and only every
// second article is taken afterwards (the stride doubles again at each overflow), so the
// sample is spread evenly over the whole corpus and never holds more than SampleChars
// characters (2 bytes each). N-grams are counted level by level with the Apriori pruning of
// frequent-itemset mining: an n-gram is counted only when both its (n−1)-character
// prefix and suffix reach MinWordCount, which keeps the counts to the frequent strings.
//
// What is found is a proposal: segment.Options.Found adds a found string only when gse's
// dictionary lacks it and its best cut into dictionary words has a one-character piece
// (so a compound of known words, 改革开放, is left to the dictionary). baokan newwords lists
// it for review; an edited list goes back in with --dict (and --no-new-words).
package lexicon

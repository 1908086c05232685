package lexicon

import (
	"slices"
	"strings"
	"unicode"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/corpus"
)

// ranks are callings and military ranks that stand before a name (战士王杰, 团长吕行硕),
// besides analysis/persons' role titles.
var ranks = []string{
	"班长", "副班长", "排长", "副排长", "连长", "副连长", "营长",
	"副营长", "副团长", "副师长", "副军长", "副政委", "教导员", "指导员", "副指导员", "上士", "中士", "下士", "上尉", "中尉", "少尉", "大尉",
	"上校", "中校", "少校", "大校", "参谋", "干事", "司务长", "支书", "组长", "船长", "机长",
	"站长", "场长", "社长",
}

// callings stand before names only (战士王杰, 记者顾兆农): after a string they are no sign
// of a name (领导干部).
var callings = []string{
	"战士", "新战士", "老战士", "干部", "记者", "通讯员", "社员", "民兵", "队员", "老汉", "大娘",
	"大爷", "老师", "医生", "工程师", "技术员", "英雄", "模范", "烈士", "炊事员", "卫生员",
	"驾驶员", "飞行员", "老红军", "教员",
}

// followers come after names (吕行硕说, 王杰同志, 毛泽东等).
var followers = []string{
	"同志", "说", "等", "先生", "女士", "烈士", "一行", "等人", "表示", "指出", "认为", "回忆",
	"告诉", "介绍", "强调", "夫人", "答", "问道", "笑着说", "摄", "报道",
}

// speech are the followers that mark a foreign run as a person rather than a place.
var speech = []string{"说", "表示", "指出", "认为", "强调", "先生", "女士", "一行", "等人", "夫人", "同志"}

// koreanSurnames label a Chinese-shaped name Korean in an article about Korea.
const koreanSurnames = "金朴崔李郑姜赵尹张林韩吴申权黄安宋柳洪全高文孙梁裴白许南沈卢河丁成车俞具禹朱任罗辛闵延"

// wordList is a set of short words (up to 6 characters), looked up by packed key.
type wordList struct {
	set         map[[2]uint64]struct{}
	first, last [0x10000 / 64]uint64 // bit sets of the first and last characters (BMP)
	maxLen      int
}

func hasBit(set *[0x10000 / 64]uint64, c rune) bool {
	return c >= 0x10000 || set[c>>6]&(1<<(c&63)) != 0
}

// packRunes packs up to 6 runes (21 bits each) into a key.
func packRunes(r []rune) [2]uint64 {
	var k [2]uint64
	for i, c := range r {
		k[i/3] = k[i/3]<<21 | uint64(c)
	}
	return k
}

func newWordList(lists ...[]string) wordList {
	l := wordList{set: map[[2]uint64]struct{}{}}
	for _, list := range lists {
		for _, w := range list {
			r := []rune(w)
			if len(r) == 0 || len(r) > 6 {
				continue
			}
			l.set[packRunes(r)] = struct{}{}
			l.maxLen = max(l.maxLen, len(r))
			if c := r[0]; c < 0x10000 {
				l.first[c>>6] |= 1 << (c & 63)
			}
			if c := r[len(r)-1]; c < 0x10000 {
				l.last[c>>6] |= 1 << (c & 63)
			}
		}
	}
	return l
}

// startsAt reports whether a listed word starts at r[i].
func (l wordList) startsAt(r []rune, i int) bool {
	if i >= len(r) || !hasBit(&l.first, r[i]) {
		return false
	}
	for n := 1; n <= l.maxLen && i+n <= len(r); n++ {
		if _, ok := l.set[packRunes(r[i:i+n])]; ok {
			return true
		}
	}
	return false
}

// endsAt reports whether a listed word ends just before r[i].
func (l wordList) endsAt(r []rune, i int) bool {
	if i <= 0 || !hasBit(&l.last, r[i-1]) {
		return false
	}
	for n := 1; n <= l.maxLen && i-n >= 0; n++ {
		if _, ok := l.set[packRunes(r[i-n:i])]; ok {
			return true
		}
	}
	return false
}

var (
	titleList    = newWordList(persons.RoleTitles(), ranks, callings)
	afterList    = newWordList(persons.RoleTitles(), ranks, followers, persons.Honorifics())
	speechList   = newWordList(speech)
	roleTitleSet = func() map[string]bool {
		m := map[string]bool{}
		for _, l := range [][]string{persons.RoleTitles(), ranks, callings, followers, persons.Honorifics()} {
			for _, w := range l {
				m[w] = true
			}
		}
		return m
	}()
	compound = runesOf(persons.CompoundSurnames())
	japanese = func() [][]rune {
		j := runesOf(persons.JapaneseSurnames())
		slices.SortStableFunc(j, func(a, b []rune) int { return len(b) - len(a) }) // longest first
		return j
	}()
)

func runesOf(list []string) [][]rune {
	out := make([][]rune, len(list))
	for i, w := range list {
		out[i] = []rune(w)
	}
	return out
}

// articleCand is a candidate's tally within one article.
type articleCand struct {
	kind     string
	family   string // the shortest form of the same start (surname + one character)
	given    int    // given characters (foreign: letters)
	n, ctx   int
	ends     int          // occurrences followed by a follower, a title, punctuation or the end
	framed   int          // occurrences framed by a title or list delimiter and an end
	left     map[rune]int // the Han characters before occurrences not in a name context
	dot      bool
	position int // order of first occurrence, for a stable order
}

// nameStat is a chosen form's tally over the corpus.
type nameStat struct {
	kind                            string
	count, articles, ctx, qualified int
	korean                          int // articles where it was labelled Korean
	left                            map[rune]int
	first, last                     corpus.Date
}

// knownAt returns the length in runes of the longest known name starting at r[i], 0 if none.
func (f *Finder) knownAt(r []rune, i int) int {
	if c := r[i]; c < 0x10000 && f.knownFirst[c>>6]&(1<<(c&63)) == 0 {
		return 0
	}
	for _, kr := range f.knownByFirst[r[i]] {
		if i+len(kr) <= len(r) && slices.Equal(r[i:i+len(kr)], kr) {
			return len(kr)
		}
	}
	return 0
}

// Character classes, looked up in a table for the Basic Multilingual Plane.
const (
	classHan = 1 << iota
	classSurname
	classTranslit
	classFunction
	classLongSurname // the first character of a compound or Japanese surname
	classDelimiter   // a list delimiter
	classNameBreak   // a function character that is in no given name
)

var charClass = func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for c := rune(0); c < 0x10000; c++ {
		if unicode.Is(unicode.Han, c) {
			t[c] |= classHan
		}
		if persons.IsSurname(c) {
			t[c] |= classSurname
		}
		if persons.IsTranslitChar(c) {
			t[c] |= classTranslit
		}
	}
	for _, c := range functionChars {
		t[c] |= classFunction
	}
	for _, c := range nameBreaks {
		t[c] |= classNameBreak
	}
	for _, c := range listDelimiters {
		t[c] |= classDelimiter
	}
	for _, l := range [][]string{persons.CompoundSurnames(), persons.JapaneseSurnames()} {
		for _, w := range l {
			t[[]rune(w)[0]] |= classLongSurname
		}
	}
	return &t
}()

func class(c rune) uint8 {
	if c >= 0 && c < 0x10000 {
		return charClass[c]
	}
	if unicode.Is(unicode.Han, c) {
		return classHan
	}
	return 0
}

func isTranslit(c rune) bool { return class(c)&classTranslit != 0 }

func isTranslitOrDot(c rune) bool { return isTranslit(c) || isNameDot(c) }

func isNameDot(c rune) bool { return c == '·' || c == '・' || c == '•' || c == '‧' }

// IsNameDot reports whether c is a middle dot joining the parts of a foreign name.
func IsNameDot(c rune) bool { return isNameDot(c) }

// isJoiner: a dot or a dash between the parts of a foreign name (保罗·尼库列斯库—米齐耳).
func isJoiner(c rune) bool { return isNameDot(c) || c == '—' || c == '-' }

// weakSurnames are surnames that are far more often words of their own (向世界, 高兴地,
// 全营上下, 明黄色, 谈科技, 荣立三等功, 左二): a candidate starting with one is not taken on a
// single framed occurrence, only on repetition.
const weakSurnames = "向高全明左荣谈于文方安华成时国和万祝"

// nameBreaks are the function characters no given name has here; 若, 如, 之, 以, 其, 则 …
// are left out, being also given names (沈若芸, 明则).
var nameBreaks = func() string {
	var b strings.Builder
	for _, c := range functionChars {
		if !strings.ContainsRune("若如之以为于其则乃即曾仍再才只非此", c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}()

// translitRun returns the end of the run of transliteration characters starting at r[i]
// (dots allowed between them), its letters and whether it has a dot.
func translitRun(r []rune, i int) (end, letters int, dot bool) {
	end = i
	for j := i; j < len(r); j++ {
		switch {
		case isTranslit(r[j]):
			letters++
			end = j + 1
		case isJoiner(r[j]) && j > i && j+1 < len(r) && isTranslit(r[j+1]):
			dot = true
		default:
			return end, letters, dot
		}
	}
	return end, letters, dot
}

// surnameAt returns the length of the surname starting at r[i] and the name kind.
func surnameAt(r []rune, i int) (int, string) {
	cl := class(r[i])
	if cl&classLongSurname != 0 {
		for _, j := range japanese {
			if i+len(j) <= len(r) && slices.Equal(r[i:i+len(j)], j) {
				return len(j), NameJapanese
			}
		}
		for _, c := range compound {
			if i+len(c) <= len(r) && slices.Equal(r[i:i+len(c)], c) {
				return 2, NameChinese
			}
		}
	}
	if cl&classSurname != 0 {
		return 1, NameChinese
	}
	return 0, ""
}

// scanNames tallies the name candidates of one article and adds the chosen forms to the
// corpus tallies. Only a candidate seen once at least in a name context can be a name (see
// the rules), so a first walk collects the families with such an occurrence, and a second
// counts every occurrence of those families only.
func (f *Finder) scanNames(date corpus.Date, texts []string) {
	runes := make([][]rune, len(texts))
	korea := false
	for i, t := range texts {
		runes[i] = []rune(t)
		if !korea && (strings.Contains(t, "朝鲜") || strings.Contains(t, "韩国")) {
			korea = true
		}
	}
	wanted := map[string]bool{}
	starts := map[[2]uint64]bool{} // the first two characters of the families wanted
	f.walkNames(runes, nil, func(r []rune, i, j int, o occurrence) {
		if o.ctx || o.framed {
			wanted[string(r[i:i+o.familyLen])] = true
			starts[packRunes(r[i:i+2])] = true
		}
	})
	if len(wanted) == 0 {
		return
	}
	want := func(r []rune, i int) bool { return i+2 <= len(r) && starts[packRunes(r[i:i+2])] }
	cands := map[string]*articleCand{}
	f.walkNames(runes, want, func(r []rune, i, j int, o occurrence) {
		family := string(r[i : i+o.familyLen])
		if !wanted[family] {
			return
		}
		form := string(r[i:j])
		c := cands[form]
		if c == nil {
			c = &articleCand{kind: o.kind, family: family, given: o.given, dot: o.dot, position: len(cands)}
			cands[form] = c
		}
		c.n++
		if o.ctx {
			c.ctx++
		}
		if o.prev != 0 {
			if c.left == nil {
				c.left = map[rune]int{}
			}
			c.left[o.prev]++
		}
		if o.end {
			c.ends++
		}
		if o.framed {
			c.framed++
		}
	})
	f.chooseNames(date, cands, korea)
}

// occurrence is one candidate form at one place of the text.
type occurrence struct {
	kind      string
	familyLen int  // runes of the family key (surname + one character; foreign: three)
	given     int  // given characters (foreign: letters)
	ctx       bool // in a name context
	end       bool // followed by a follower, a title, punctuation or the end
	dot       bool
	prev      rune // the Han character before it, unless a title ends there (0)
	framed    bool // a title or a list delimiter before it, and its end seen after it
}

// mayHaveContext is a quick test: false when no candidate starting at r[i] can be in a
// name context or framed (no delimiter or title end before it, no follower or title start
// in the four characters after it), true otherwise.
func mayHaveContext(r []rune, i int) bool {
	if i == 0 || delimiterAt(r, i-1) || hasBit(&titleList.last, r[i-1]) || isJoiner(r[i-1]) {
		return true
	}
	last := i + 4 // a single or compound surname and two given characters
	if class(r[i])&classLongSurname != 0 {
		last = i + 6 // a Japanese surname of three characters and three given ones
	}
	for j := i + 2; j <= last && j <= len(r); j++ {
		if j == len(r) || hasBit(&afterList.first, r[j]) || !isHan(r[j]) {
			return true
		}
	}
	// A transliteration run may be longer: let it through.
	return isTranslit(r[i])
}

// listDelimiters separate the names of a list (唐闻生、沈若芸和王海容).
const listDelimiters = "、，,；;：:（）()“”\"《》 \u3000和与及"

func delimiterAt(r []rune, j int) bool {
	return j >= len(r) || j < 0 || class(r[j])&classDelimiter != 0
}

// delimitedBefore reports whether a list delimiter, or the start of the text, is just before r[i].
func delimitedBefore(r []rune, i int) bool { return i == 0 || delimiterAt(r, i-1) }

// walkNames calls visit for every candidate form r[i:j] of the texts. With want nil, it
// may leave out candidates that cannot be in a name context nor framed (a quick test on
// the characters around them); else only candidates starting where want says.
func (f *Finder) walkNames(runes [][]rune, want func(r []rune, i int) bool, visit func(r []rune, i, j int, o occurrence)) {
	endsAt := func(r []rune, j int) bool { return j >= len(r) || !isHan(r[j]) || afterList.startsAt(r, j) }
	for _, r := range runes {
		for i := 0; i < len(r); {
			c := r[i]
			cl := class(c)
			if cl&(classSurname|classTranslit|classLongSurname) == 0 {
				i++
				continue
			}
			if k := f.knownAt(r, i); k > 0 {
				i += k
				continue
			}
			if want == nil && !mayHaveContext(r, i) || want != nil && !want(r, i) {
				i++
				continue
			}
			var prev rune
			title := titleList.endsAt(r, i)
			if i > 0 && isHan(r[i-1]) && !title {
				prev = r[i-1]
			}
			if cl&classTranslit != 0 && (i == 0 || !isTranslitOrDot(r[i-1])) {
				end, letters, dot := translitRun(r, i)
				if letters >= 3 {
					e := endsAt(r, end)
					visit(r, i, end, occurrence{kind: NameForeign, familyLen: 3, given: letters,
						ctx: dot || title || speechList.startsAt(r, end), end: e, dot: dot, prev: prev,
						framed: dot && (title || delimitedBefore(r, i)) && e})
					if letters >= 4 && !dot { // the run may have taken the next word's first character
						visit(r, i, end-1, occurrence{kind: NameForeign, familyLen: 3, given: letters - 1,
							ctx: title, prev: prev})
					}
				}
				if letters >= 4 || dot {
					i = end
					continue
				}
			}
			sl, kind := surnameAt(r, i)
			if sl == 0 || afterList.startsAt(r, i+sl) {
				i++
				continue
			}
			maxGiven := 2
			if kind == NameJapanese {
				maxGiven = 3
			}
			for g := 1; g <= maxGiven; g++ {
				j := i + sl + g
				if j > len(r) {
					break
				}
				ch := r[j-1]
				if class(ch)&(classHan|classNameBreak) != classHan || f.knownAt(r, j-1) > 0 {
					break // never into a known name or alias (向福特, 学习毛主席)
				}
				after := afterList.startsAt(r, j)
				if j < len(r) && isJoiner(r[j]) || i > 0 && isJoiner(r[i-1]) {
					break // part of a foreign name the transliteration table does not cover
				}
				end := endsAt(r, j)
				framed := (title || delimitedBefore(r, i)) && end && !strings.ContainsRune(weakSurnames, r[i])
				visit(r, i, j, occurrence{kind: kind, familyLen: sl + 1, given: g, ctx: title || after,
					end: end, prev: prev, framed: framed})
				if after {
					break // never across a title or follower
				}
			}
			i++
		}
	}
}

// chooseNames keeps, in each family of one article's candidates, the form the repetition
// supports, and adds it to the corpus tallies.
func (f *Finder) chooseNames(date corpus.Date, cands map[string]*articleCand, korea bool) {
	families := map[string][]string{}
	var chosen []string
	for form, c := range cands {
		families[c.family] = append(families[c.family], form)
	}
	for fam, forms := range families {
		slices.SortFunc(forms, func(a, b string) int { // most end evidence, longest, most frequent, text
			ca, cb := cands[a], cands[b]
			if ca.ends != cb.ends {
				return cb.ends - ca.ends
			}
			if ca.given != cb.given {
				return cb.given - ca.given
			}
			if ca.n != cb.n {
				return cb.n - ca.n
			}
			return strings.Compare(a, b)
		})
		pick := forms[0]
		if cands[pick].ends == 0 && cands[pick].kind != NameForeign {
			// No form is seen to end: the longest repeated enough (see the package doc).
			base := cands[fam]
			pick = fam
			for _, form := range forms {
				c := cands[form]
				if form == fam || base != nil && c.n*10 >= 7*base.n {
					pick = form
					break
				}
			}
		}
		chosen = append(chosen, pick)
	}
	// Drop a form that is only a piece of a longer chosen one (高明 inside 张高明).
	slices.Sort(chosen)
	for _, form := range chosen {
		c := cands[form]
		if c.ctx == 0 && c.framed == 0 && c.n < MinArticleRepeats {
			continue // neither qualified here nor context evidence for the corpus
		}
		inside := false
		for _, other := range chosen {
			if other != form && strings.Contains(other, form) && c.n <= cands[other].n+1 {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		kind := c.kind
		if kind == NameChinese && korea && strings.ContainsRune(koreanSurnames, []rune(form)[0]) &&
			len([]rune(form)) == 3 {
			kind = NameKorean
		}
		qualified := c.n >= MinArticleRepeats && c.ctx >= MinArticleContexts || c.n >= 2 && c.ctx >= 2 ||
			c.framed >= 1
		if c.kind == NameForeign {
			qualified = c.n >= 2 && c.ctx >= 1 || c.framed >= 1
		}
		if c.ctx == 0 && !qualified {
			continue
		}
		f.mu.Lock()
		s := f.names[form]
		if s == nil {
			s = &nameStat{kind: c.kind, first: date, last: date}
			f.names[form] = s
		}
		if kind == NameKorean {
			s.korean++
		}
		s.count += c.n
		s.ctx += c.ctx
		for ch, n := range c.left {
			if s.left == nil {
				s.left = map[rune]int{}
			}
			s.left[ch] += n
		}
		s.articles++
		if qualified {
			s.qualified++
		}
		if earlier(date, s.first) && !date.IsZero() || s.first.IsZero() {
			s.first = date
		}
		if earlier(s.last, date) {
			s.last = date
		}
		f.mu.Unlock()
	}
}

// acceptedNames applies the corpus rules to the tallies.
func (f *Finder) acceptedNames() []Entry {
	var out []Entry
	for form, s := range f.names {
		if s.qualified == 0 && !(s.ctx >= MinCorpusContexts && s.articles >= MinCorpusArticles) {
			continue
		}
		if f.known[form] || roleTitleSet[form] || persons.IsPlace(form) {
			continue
		}
		// Bound on the left: one character before most occurrences makes a word with the
		// "surname" (指战员, 双方一致, 皇帝海尔·塞拉西).
		maxLeft := 0
		for _, n := range s.left {
			maxLeft = max(maxLeft, n)
		}
		if maxLeft >= 2 && maxLeft*10 >= 6*s.count {
			continue
		}
		kind := s.kind
		if s.korean*2 > s.articles {
			kind = NameKorean
		}
		if kind == NameForeign && !strings.ContainsAny(form, "·・•‧") && persons.IsSurname([]rune(form)[0]) &&
			len([]rune(form)) == 3 {
			kind = NameChinese // 邓丹明: a Chinese name of transliteration characters
		}
		out = append(out, Entry{Text: form, Kind: KindName, NameKind: kind, Count: s.count,
			Articles: s.articles, Contexts: s.ctx, First: s.first, Last: s.last})
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Text, b.Text) })
	return out
}

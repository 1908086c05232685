package lexicon

import (
	"maps"
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
	// Kinship, callings and roles of the real articles (弟弟崔小平, 老伴张金兰, 本科生黄培堂,
	// 团员加尔洛斯·金旦拉拿, 律师法迪鲁·迪约普, 选手齐凯丽).
	"弟弟", "妹妹", "哥哥", "姐姐", "老伴", "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲",
	"会计师", "检查员", "选手", "运动员", "本科生", "硕士", "博士生", "研究生", "负责人",
	"区长", "台长", "助理", "作家", "团员", "工人", "店员", "职员", "律师", "画家", "演员",
	"诗人", "教师", "学生", "获得者", "议员", "大臣", "卫士长", "准将", "少将",
}

// followers come after names (吕行硕说, 王杰同志, 毛泽东等).
var followers = []string{
	"同志", "说", "等", "先生", "女士", "烈士", "一行", "等人", "表示", "指出", "认为", "回忆",
	"告诉", "介绍", "强调", "夫人", "答", "问道", "笑着说", "摄", "报道", "爵士",
}

// speech are the followers that mark a foreign run as a person rather than a place.
var speech = []string{"说", "表示", "指出", "认为", "强调", "先生", "女士", "一行", "等人", "夫人", "同志"}

// koreanSurnames label a Chinese-shaped name Korean in an article about Korea.
const koreanSurnames = "金朴崔李郑姜赵尹张林韩吴申权黄安宋柳洪全高文孙梁裴白许南沈卢河丁成车俞具禹朱任罗辛闵延"

// wordList is a set of short words, grouped by their first and by their last character
// (Basic Multilingual Plane), so that a test at a place of the text is one array index and
// a few comparisons rather than a map lookup per length.
type wordList struct {
	first, last [0x10000 / 64]uint64 // bit sets of the first and last characters
	byFirst     map[rune][][]rune    // while building
	byLast      map[rune][][]rune
	firstIdx    []uint16 // by character: 1 + index into firstGroups, 0 none
	lastIdx     []uint16
	firstGroups [][][]rune // words starting with a character, longest first
	lastGroups  [][][]rune // words ending with a character, longest first
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
	l := wordList{byFirst: map[rune][][]rune{}, byLast: map[rune][][]rune{},
		firstIdx: make([]uint16, 0x10000), lastIdx: make([]uint16, 0x10000)}
	seen := map[string]bool{}
	for _, list := range lists {
		for _, w := range list {
			r := []rune(w)
			if len(r) == 0 || len(r) > 6 || seen[w] || r[0] >= 0x10000 || r[len(r)-1] >= 0x10000 {
				continue
			}
			seen[w] = true
			l.byFirst[r[0]] = append(l.byFirst[r[0]], r)
			l.byLast[r[len(r)-1]] = append(l.byLast[r[len(r)-1]], r)
			l.first[r[0]>>6] |= 1 << (r[0] & 63)
			c := r[len(r)-1]
			l.last[c>>6] |= 1 << (c & 63)
		}
	}
	group := func(m map[rune][][]rune, idx []uint16) [][][]rune {
		var groups [][][]rune
		for _, c := range slices.Sorted(maps.Keys(m)) {
			ws := m[c]
			slices.SortFunc(ws, func(a, b []rune) int { return len(b) - len(a) })
			groups = append(groups, ws)
			idx[c] = uint16(len(groups))
		}
		return groups
	}
	l.firstGroups, l.lastGroups = group(l.byFirst, l.firstIdx), group(l.byLast, l.lastIdx)
	l.byFirst, l.byLast = nil, nil
	return l
}

// startsAt reports whether a listed word starts at r[i].
func (l *wordList) startsAt(r []rune, i int) bool {
	if i >= len(r) || r[i] >= 0x10000 || l.firstIdx[r[i]] == 0 {
		return false
	}
	for _, w := range l.firstGroups[l.firstIdx[r[i]]-1] {
		if i+len(w) <= len(r) && slices.Equal(r[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// endsAt reports whether a listed word ends just before r[i].
func (l *wordList) endsAt(r []rune, i int) bool {
	if i <= 0 || i > len(r) || r[i-1] >= 0x10000 || l.lastIdx[r[i-1]] == 0 {
		return false
	}
	for _, w := range l.lastGroups[l.lastIdx[r[i-1]]-1] {
		if i-len(w) >= 0 && slices.Equal(r[i-len(w):i], w) {
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
	// longSurnames: the Japanese surnames (longest first), then the compound ones, by first
	// character.
	longSurnames = func() map[rune][]longSurname {
		m := map[rune][]longSurname{}
		for _, j := range japanese {
			m[j[0]] = append(m[j[0]], longSurname{j, NameJapanese})
		}
		for _, c := range compound {
			m[c[0]] = append(m[c[0]], longSurname{c, NameChinese})
		}
		return m
	}()
)

type longSurname struct {
	r    []rune
	kind string
}

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
	var group [][]rune
	if c := r[i]; c < 0x10000 {
		if f.knownIdx[c] == 0 {
			return 0
		}
		group = f.knownGroups[f.knownIdx[c]-1]
	} else {
		group = f.knownByFirst[c]
	}
	for _, kr := range group {
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
const weakSurnames = "向高全明左荣谈于文方安华成时国和万祝师"

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
		for _, s := range longSurnames[r[i]] {
			if i+len(s.r) <= len(r) && slices.Equal(r[i:i+len(s.r)], s.r) {
				if s.kind == NameChinese {
					return 2, NameChinese
				}
				return len(s.r), NameJapanese
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
	met := map[string]int{}
	f.walkNames(runes, nil, met, func(r []rune, i, j int, o occurrence) {
		if o.ctx || o.framed {
			wanted[string(r[i:i+o.familyLen])] = true
			starts[packRunes(r[i:i+2])] = true
		}
	})
	f.tallyMet(date, met)
	if len(wanted) == 0 {
		return
	}
	want := func(r []rune, i int) bool { return i+2 <= len(r) && starts[packRunes(r[i:i+2])] }
	cands := map[string]*articleCand{}
	f.walkNames(runes, want, nil, func(r []rune, i, j int, o occurrence) {
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

// tallyMet adds the built-in persons met in one article to the corpus tallies.
func (f *Finder) tallyMet(date corpus.Date, met map[string]int) {
	if len(met) == 0 {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for name, n := range met {
		s := f.met[name]
		if s == nil {
			s = &nameStat{first: date, last: date}
			f.met[name] = s
		}
		s.count += n
		s.articles++
		if earlier(date, s.first) && !date.IsZero() || s.first.IsZero() {
			s.first = date
		}
		if earlier(s.last, date) {
			s.last = date
		}
	}
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
func (f *Finder) walkNames(runes [][]rune, want func(r []rune, i int) bool, met map[string]int, visit func(r []rune, i, j int, o occurrence)) {
	endsAt := func(r []rune, j int) bool { return j >= len(r) || !isHan(r[j]) || afterList.startsAt(r, j) }
	for _, r := range runes {
		spans := f.dotNames(r)
		for i := 0; i < len(r); {
			if len(spans) > 0 && spans[0].start <= i {
				sp := spans[0]
				spans = spans[1:]
				if sp.start == i {
					visit(r, sp.start, sp.end, occurrence{kind: NameForeign, familyLen: sp.end - sp.start,
						given: sp.end - sp.start, ctx: true, end: sp.rightFramed, dot: true,
						framed: sp.leftFramed && sp.rightFramed})
					i = sp.end
					continue
				}
			}
			c := r[i]
			cl := class(c)
			if cl&(classSurname|classTranslit|classLongSurname) == 0 {
				i++
				continue
			}
			if k := f.knownAt(r, i); k > 0 {
				if met != nil {
					if name := string(r[i : i+k]); f.builtin[name] {
						met[name]++
					}
				}
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
				if len(spans) > 0 && spans[0].start < end {
					i++ // the run reaches into a dotted name (总理菲德尔·卡斯特罗)
					continue
				}
				if letters >= 4 && !dot && isFunctionChar(r[end-1]) {
					end, letters = end-1, letters-1 // 达维多夫于9月: 于 is a word of its own
				}
				if letters >= 3 {
					e := endsAt(r, end)
					et := title && !dot && f.endsAfterTitle(r, end)
					visit(r, i, end, occurrence{kind: NameForeign, familyLen: 3, given: letters,
						ctx: dot || title || speechList.startsAt(r, end), end: e || et, dot: dot, prev: prev,
						framed: dot && (title || delimitedBefore(r, i)) && e || et})
					if letters >= 4 && !dot { // the run may have taken the next word's first character
						e1 := title && f.endsAfterTitle(r, end-1)
						visit(r, i, end-1, occurrence{kind: NameForeign, familyLen: 3, given: letters - 1,
							ctx: title, prev: prev, end: e1, framed: e1})
					}
				} else if letters == 2 && title && !dot && titleList.startsAt(r, end) && !f.isWord(r[i:end]) {
					// Two transliteration characters between two titles (参谋长内加准将).
					visit(r, i, end, occurrence{kind: NameForeign, familyLen: 2, given: 2, ctx: true,
						end: true, framed: true})
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
				if j > len(r) || len(spans) > 0 && j > spans[0].start {
					break
				}
				ch := r[j-1]
				if class(ch)&(classHan|classNameBreak) != classHan || f.knownAt(r, j-1) > 0 ||
					g >= 2 && strings.ContainsRune(afterNameChars, ch) {
					break // never into a known name or alias (向福特, 学习毛主席)
				}
				after := afterList.startsAt(r, j)
				if j < len(r) && isJoiner(r[j]) || i > 0 && isJoiner(r[i-1]) {
					break // part of a foreign name the transliteration table does not cover
				}
				end := endsAt(r, j)
				if title && !end && !f.isWord(r[i:i+sl+1]) && !f.isWord(r[i:j]) && (g < 2 || f.wordAt(r, j-1) == 0) {
					// After a title the text needs no stop: a word may follow (团长孙学典到,
					// 书记刘仁宣布), but never one that the name's own characters start
					// (领导人支持俄, 国务委员吴仪邀请).
					end = f.endsAfterTitle(r, j)
				}
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
		} else if cands[pick].ends == 0 {
			// A transliteration run seen to end nowhere: the longest form that makes 70 % of
			// the occurrences of the most frequent one (格拉乔夫, not 格拉乔夫登 of 格拉乔夫登上).
			top := 0
			for _, form := range forms {
				top = max(top, cands[form].n)
			}
			for _, form := range forms {
				if cands[form].n*10 >= 7*top {
					pick = form
					break
				}
			}
		}
		chosen = append(chosen, pick)
		// In a list, names may share a surname and a first given character (杨振亚 杨振怀):
		// every full form framed on its own is a name.
		for _, form := range forms {
			if c := cands[form]; form != pick && c.kind != NameForeign && c.given >= 2 && c.framed > 0 {
				chosen = append(chosen, form)
			}
		}
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
	// The built-in persons met in the text, unless the corpus's RW lists name them (they are
	// then words already): 勃列日涅夫, 崔乃夫 are cut in pieces by gse's dictionary otherwise.
	for form, s := range f.met {
		if f.rw[form] {
			continue
		}
		kind := NameChinese
		if _, k := surnameAt([]rune(form), 0); k == NameJapanese {
			kind = NameJapanese
		} else if allTranslit([]rune(form)) && !persons.IsSurname([]rune(form)[0]) || strings.ContainsFunc(form, isNameDot) {
			kind = NameForeign
		}
		out = append(out, Entry{Text: form, Kind: KindName, NameKind: kind, Count: s.count,
			Articles: s.articles, First: s.first, Last: s.last})
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Text, b.Text) })
	return out
}

// isWord reports whether s is a dictionary word not tagged a person name (周围, 常常).
func (f *Finder) isWord(s []rune) bool {
	ok, nr := f.dict(string(s))
	return ok && !nr
}

// wordAt returns the length of the longest dictionary word of 2 to 4 characters starting at
// r[j] that is not made of transliteration characters only (坚决, 宣布; not 哈特) nor tagged
// a person name, 0 if none.
func (f *Finder) wordAt(r []rune, j int) int {
	for n := min(4, len(r)-j); n >= 2; n-- {
		if ok, nr := f.dict(string(r[j : j+n])); ok && !nr && !allTranslit(r[j:j+n]) {
			return n
		}
	}
	return 0
}

// wordEndsAt reports whether such a word ends just before r[j], starting at or after from.
func (f *Finder) wordEndsAt(r []rune, j, from int) bool {
	for n := 2; n <= 4 && j-n >= from; n++ {
		if ok, nr := f.dict(string(r[j-n : j])); ok && !nr && !allTranslit(r[j-n:j]) {
			return true
		}
	}
	return false
}

// extraTranslit are characters of foreign names met in the real articles that the
// transliteration table of analysis/persons lacks (马利诺夫斯基, 汉因茨, 约翰, 赫耳穆特).
const extraTranslit = "基茨翰耳珠"

func allTranslit(s []rune) bool {
	for _, c := range s {
		if !isTranslit(c) && !strings.ContainsRune(extraTranslit, c) {
			return false
		}
	}
	return true
}

// endsAfterTitle reports whether a name that follows a title may end just before r[j]: the
// text ends or stops there, a title or a follower starts there, a function character that
// is in no given name (的, 在, 对, 到, 把, 也 …) stands there, or a dictionary word starts
// there (团长孙学典到炮一连, 书记刘仁宣布, 政委徐建章见到).
func (f *Finder) endsAfterTitle(r []rune, j int) bool {
	if j >= len(r) || !isHan(r[j]) || afterList.startsAt(r, j) || class(r[j])&classNameBreak != 0 ||
		strings.ContainsRune(afterNameChars, r[j]) {
		return true
	}
	return f.wordAt(r, j) > 0
}

// afterNameChars are one-character words that end a name after a title or a dotted name
// (三木武夫时, 罗纳德·里根时, 毕业后).
const afterNameChars = "时后"

// dotLeftStops are prepositions that may stand before a dotted name (周恩来总理同海尔·塞拉西).
const dotLeftStops = "同跟"

// dotName is a foreign name whose parts are joined by middle dots, found by dotNames.
type dotName struct {
	start, end              int
	leftFramed, rightFramed bool
}

// maxDotPart bounds the characters of the first and last parts of a dotted name.
const maxDotPart = 6

// dotNames finds the names joined by middle dots in r (亚历山大·阿布施, 敦·阿卜杜勒·拉扎克),
// whatever their characters: a middle dot between two Han characters joins two parts; inner
// parts run from dot to dot (a dash may join them too: 尼库列斯库—米齐耳), the first part
// runs back from the first dot and the last forward from the last dot over Han characters
// that are not function characters, at most maxDotPart of them. The first part stops at the
// end of a title (文化部长亚历山大) or at a list delimiter, else after the last dictionary
// word that ends within maxDotPart characters before the dot (随行人员约翰); the last part at a title or follower (克雷斯教授), a
// function character (戴维和他), or a dictionary word inside it (梅里诺坚决). A dictionary word
// made of transliteration characters only (沙拉, 哈特) is no boundary. Where the first or last
// part meets no boundary within maxDotPart characters, only its transliteration characters
// are taken (老太太克里斯蒂娜), and that side is not framed. A name with a part that is a number (一二·九) or a dictionary word
// that is not a person's name (人民日报·海外版) is none.
func (f *Finder) dotNames(r []rune) []dotName {
	if !slices.ContainsFunc(r, isNameDot) {
		return nil
	}
	var out []dotName
	for p := 1; p+1 < len(r); p++ {
		if !isNameDot(r[p]) || !isHan(r[p-1]) || !isHan(r[p+1]) {
			continue
		}
		if len(out) > 0 && p < out[len(out)-1].end {
			continue
		}
		// The first part, back from the dot.
		start, leftFramed := p, false
		for k := p - 1; ; k-- {
			if k < p-1 && titleList.endsAt(r, k+1) {
				start, leftFramed = k+1, true
				break
			}
			if k < 0 || !isHan(r[k]) || class(r[k])&(classNameBreak|classDelimiter) != 0 || strings.ContainsRune(dotLeftStops, r[k]) {
				start, leftFramed = k+1, true
				if p-start > 4 { // a long first part: after the last dictionary word in it (工作人员温·洛德)
					for j := p - 1; j > start; j-- {
						if f.wordEndsAt(r, j, start) {
							start = j
							break
						}
					}
				}
				break
			}
			if p-k > maxDotPart {
				start = p
				for j := p - 1; j > p-maxDotPart; j-- { // the last dictionary word ending before the part
					if f.wordEndsAt(r, j, p-maxDotPart) {
						start, leftFramed = j, true
						break
					}
				}
				for !leftFramed && start > 0 && isTranslit(r[start-1]) && p-start < maxDotPart {
					start--
				}
				break
			}
		}
		// Inner parts, then the last part.
		q := p + 1
		for {
			k := q
			for k < len(r) && isHan(r[k]) && class(r[k])&classNameBreak == 0 && k-q < 10 {
				k++
			}
			if k+1 < len(r) && k > q && isJoiner(r[k]) && isHan(r[k+1]) {
				q = k + 1
				continue
			}
			break
		}
		end, rightFramed, stopped := q, false, false
		for k := q; ; k++ {
			if k >= len(r) || !isHan(r[k]) || class(r[k])&(classNameBreak|classDelimiter) != 0 ||
				k > q && (afterList.startsAt(r, k) || strings.ContainsRune(afterNameChars, r[k])) {
				end, rightFramed, stopped = k, true, true
				break
			}
			if k-q >= maxDotPart {
				end, rightFramed = k, true
				break
			}
		}
		if rightFramed && (!stopped || end-q > 4) {
			for j := q + 1; j < end; j++ { // the first dictionary word inside the part
				if n := f.wordAt(r, j); n > 0 && j+n <= end {
					end = j
					break
				}
			}
			if !stopped && end-q >= maxDotPart { // no boundary: its transliteration characters
				end, rightFramed = q, false
				for end < len(r) && isTranslit(r[end]) && end-q < maxDotPart {
					end++
				}
			}
		}
		if start >= p || end <= q {
			continue
		}
		bad := false
		for _, part := range strings.FieldsFunc(string(r[start:end]), isJoiner) {
			pr := []rune(part)
			if allNumerals(pr) || len(pr) >= 2 && !allTranslit(pr) && f.isWord(pr) {
				bad = true
			}
		}
		if !bad {
			out = append(out, dotName{start, end, leftFramed, rightFramed})
		}
		p = end
	}
	return out
}

func allNumerals(s []rune) bool {
	for _, c := range s {
		if !strings.ContainsRune(numerals, c) {
			return false
		}
	}
	return true
}

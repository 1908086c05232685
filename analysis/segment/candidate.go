package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Candidate entries (RW persons, GJ topics) are added to the dictionary only when they look
// like one name or one term. Telling persons from roles and events is the persons layer's job;
// until its classification is passed in Options.Words, this conservative rule decides, and it
// prefers leaving a real name out (it is then cut as gse would cut it anyway) to gluing two
// names, a name and a title, or a whole indexing phrase into one word.
const (
	// MinCandidateLen and MaxCandidateLen bound a candidate's length in Han characters:
	// 2 for 彭真 or 万里, up to 7 for transliterations (小泉纯一郎 5) and organisations
	// (中国人民解放军 7).
	MinCandidateLen = 2
	MaxCandidateLen = 7
)

// Reasons a candidate is rejected (Rejection.Reason).
const (
	ReasonNotHan      = "not only Han characters"
	ReasonLength      = "length outside 2-7 characters"
	ReasonList        = "ends with a list marker (等, 们)"
	ReasonRoleEvent   = "contains a role or event word"
	ReasonRunTogether = "run-together names"
)

// Rejection is a candidate New did not add, and why.
type Rejection struct {
	Entry  string
	Reason string
}

// nameDots join the parts of transliterated names (马克·吐温); allowed between Han characters.
const nameDots = "·•・‧"

// roleEventWords mark an entry as a role, a title or an event rather than a name or a term
// (the RW lists mix them with names: 赫鲁晓夫/肯尼迪/互致信件, 江泽民；主席；乔石；委员长).
// Written for this project from the RW and GJ values of the PLA Daily sample.
var roleEventWords = [...]string{
	// roles and titles
	"主席", "总理", "委员长", "书记", "部长", "首相", "总统", "同志", "司令", "政委", "元帅",
	"将军", "大使", "会长", "秘书长", "国王", "亲王", "女王", "主任", "夫人", "总裁", "市长",
	"省长", "校长", "参谋长", "副", "代表团",
	// events and item types
	"会见", "接见", "会谈", "外宾", "言论", "出访", "外访", "访问", "访华", "访俄", "出席",
	"会议", "讲话", "演讲", "题词", "视察", "信件", "照片", "图片", "宴会", "招待会", "致电",
	"贺电", "逝世", "追悼", "慰问", "考察", "参观", "接待", "签署", "活动", "新闻", "消息",
}

// commonSurnames are the single-character surnames that begin the Chinese names run together
// in RW lists (刘少奇周恩来陈毅); the 100 most frequent surnames of the PRC, as listed in
// Yuan Yida (袁义达), 中国姓氏·群体遗传和人口分布 (2007), plus 聂, 粟, 薄, 乌, 尉, 迟 met among
// the leaders of the archive.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁" +
	"潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯" +
	"龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤聂粟薄乌尉迟"

// IsWordCandidate reports whether an RW entry or a GJ topic may be added to the dictionary as
// one word, judging from the entry alone. It accepts an entry when all of these hold:
//
//  1. it is made of Han characters only, name dots (·) allowed between them;
//  2. it has 2 to 7 Han characters;
//  3. it does not end with 等 or 们 (毛泽东刘少奇赫鲁晓夫等 is a list);
//  4. it contains no role, title or event word (主席, 总理, 会见, 接见, 外宾, 言论, 访问,
//     照片, 副, …: 马来西亚总理, 接见外宾, 会见香港人士 are not names);
//  5. it cannot be cut into two or more names of 2–3 characters each beginning with a common
//     surname (刘少奇周恩来陈毅 = 刘少奇|周恩来|陈毅; 陈毅贺龙 = 陈毅|贺龙).
//
// New applies a further rule that needs context: a candidate that can be cut into two or more
// parts, each another candidate, a surname name as in rule 5, or a person name (tag nr*) of
// at least three characters in gse's dictionary, is rejected too (毛泽东赫鲁晓夫).
func IsWordCandidate(entry string) bool {
	return candidateShape(entry) == ""
}

// candidateShape returns "" if entry passes the rules of IsWordCandidate, else the reason.
func candidateShape(entry string) string {
	entry = strings.TrimSpace(entry)
	han := 0
	prevDot := true // a dot may not come first
	for _, r := range entry {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			prevDot = false
		case strings.ContainsRune(nameDots, r) && !prevDot:
			prevDot = true
		default:
			return ReasonNotHan
		}
	}
	if prevDot && entry != "" {
		return ReasonNotHan // ends with a dot
	}
	if han < MinCandidateLen || han > MaxCandidateLen {
		return ReasonLength
	}
	if strings.HasSuffix(entry, "等") || strings.HasSuffix(entry, "们") {
		return ReasonList
	}
	for _, w := range roleEventWords {
		if strings.Contains(entry, w) {
			return ReasonRoleEvent
		}
	}
	if !strings.ContainsAny(entry, nameDots) && splitsInto(entry, isSurnameName) {
		return ReasonRunTogether
	}
	return ""
}

// isSurnameName reports whether s has 2 or 3 characters and begins with a common surname.
func isSurnameName(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 3 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(commonSurnames, r)
}

// splitsInto reports whether s is the concatenation of two or more strings, each of at least
// two characters, for which part returns true.
func splitsInto(s string, part func(string) bool) bool {
	// reach[i]: the number of parts (capped at 2) of the best cut of s[:i]; -1 unreachable.
	bounds := make([]int, 0, len(s)/3+1)
	for i := range s {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(s))
	reach := make([]int, len(bounds))
	for i := range reach {
		reach[i] = -1
	}
	reach[0] = 0
	for i := range bounds {
		if reach[i] < 0 {
			continue
		}
		for j := i + 2; j < len(bounds); j++ {
			if part(s[bounds[i]:bounds[j]]) {
				reach[j] = max(reach[j], min(reach[i]+1, 2))
			}
		}
	}
	return reach[len(bounds)-1] >= 2
}

// selectCandidates applies the candidate rules to entries (deduplicated, trimmed), skipping
// those already in skip (explicit Words), and returns the accepted ones in the order first
// met and the rejected ones sorted by entry.
func (s *Segmenter) selectCandidates(entries []string, skip map[string]int) (accepted []string, rejected []Rejection) {
	seen := make(map[string]bool)
	var shaped []string
	for _, e := range entries {
		e = strings.TrimSpace(e)
		if e == "" || seen[e] {
			continue
		}
		seen[e] = true
		if _, ok := skip[e]; ok {
			continue
		}
		if why := candidateShape(e); why != "" {
			rejected = append(rejected, Rejection{e, why})
			continue
		}
		shaped = append(shaped, e)
	}
	known := make(map[string]bool, len(shaped))
	for _, e := range shaped {
		known[e] = true
	}
	isName := func(p string) bool {
		if known[p] || isSurnameName(p) {
			return true
		}
		// Dictionary person names count from three characters: two-character nr entries
		// include pieces of transliterations (卡斯 + 特罗 = 卡斯特罗).
		if utf8.RuneCountInString(p) < 3 {
			return false
		}
		_, pos, ok := s.dict.find(p)
		return ok && strings.HasPrefix(pos, "nr")
	}
	for _, e := range shaped {
		if splitsInto(e, isName) {
			rejected = append(rejected, Rejection{e, ReasonRunTogether})
			continue
		}
		accepted = append(accepted, e)
	}
	sort.Slice(rejected, func(i, j int) bool { return rejected[i].Entry < rejected[j].Entry })
	return accepted, rejected
}

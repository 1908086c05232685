package segment

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// sampleRWPersons are the RW entries of the PLA Daily sample that are one person's name,
// classified by hand from the 54 distinct entries (the others are roles, events or lists:
// 主席, 会见外宾, 马来西亚总理, 毛泽东刘少奇赫鲁晓夫等, …).
var sampleRWPersons = []string{
	"万里", "乔石", "于永波", "刘华清", "刘少奇", "卡斯特罗", "叶利钦", "周恩来", "尉健行", "尼克松",
	"张万年", "张震", "彭真", "徐才厚", "拉扎克", "朱镕基", "李岚清", "李洪九", "李瑞环", "李鹏",
	"杨尚昆", "毛泽东", "江泽民", "肯尼迪", "胡耀邦", "胡锦涛", "赫鲁晓夫", "赵紫阳", "迟浩田",
	"邓小平", "钱其琛",
}

// TestIsWordCandidateOnSampleRW: on every distinct RW entry of the sample, the rule accepts
// exactly the persons' names.
func TestIsWordCandidateOnSampleRW(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range readSample(t) {
		for _, e := range a.rw {
			seen[e] = true
		}
	}
	if len(seen) != 54 {
		t.Errorf("%d distinct RW entries in the sample, the hand classification covers 54", len(seen))
	}
	for e := range seen {
		want := slices.Contains(sampleRWPersons, e)
		if got := IsWordCandidate(e); got != want {
			t.Errorf("IsWordCandidate(%s) = %v (%q), want %v", e, got, candidateShape(e), want)
		}
	}
}

func TestCandidateShapeReasons(t *testing.T) {
	for entry, want := range map[string]string{
		"刘少奇周恩来陈毅":    ReasonLength, // 8 characters (and run together)
		"刘少奇周恩来":      ReasonRunTogether,
		"陈毅贺龙":        ReasonRunTogether,
		"周恩来陈毅":       ReasonRunTogether,
		"毛泽东刘少奇赫鲁晓夫等": ReasonLength,
		"毛泽东刘少奇等":     ReasonList,
		"朱 基":         ReasonNotHan, // 镕 lost in the archive
		"彭pei云":       ReasonNotHan,
		"中新（新加坡）关系":   ReasonNotHan,
		"·吐温":         ReasonNotHan,
		"毛":           ReasonLength,
		"卡特总统":        ReasonRoleEvent,
		"会见外宾":        ReasonRoleEvent,
		"中苏友好协会":      "",
		"小泉纯一郎":       "",
		"马克·吐温":       "",
		"中国人民解放军":     "",
		"毛泽东思想":       "", // 毛泽东 + 思想: 思 begins no surname
		"赫鲁晓夫":        "",
	} {
		if got := candidateShape(entry); got != want {
			t.Errorf("candidateShape(%s) = %q, want %q", entry, got, want)
		}
	}
}

// TestCandidatesInNew: New's context rule rejects an entry made of other entries or of
// dictionary person names (赫鲁晓夫 and 肯尼迪 are tagged nr in gse's dictionary), adds the
// rest, and leaves an explicit Word (福田赳夫, 卡斯特罗 at 5000) to Options.Words.
func TestCandidatesInNew(t *testing.T) {
	s := wordsSegmenter(t)
	added := s.Added()
	for _, w := range []string{"大平正芳", "福田赳夫", "卡斯特罗", "赫鲁晓夫", "中苏关系"} {
		if !slices.Contains(added, w) {
			t.Errorf("%s not added", w)
		}
	}
	if n := strings.Count(strings.Join(added, "|")+"|", "|福田赳夫|"); n != 1 {
		t.Errorf("福田赳夫 added %d times", n)
	}
	if f, _, _ := gseOf(t, s).Find("卡斯特罗"); f != 5000 {
		t.Errorf("卡斯特罗 has frequency %v, want the explicit 5000", f)
	}
	reasons := map[string]string{}
	for _, r := range s.Rejected() {
		reasons[r.Entry] = r.Reason
	}
	for entry, want := range map[string]string{
		"会见":       ReasonRoleEvent,
		"毛泽东赫鲁晓夫":  ReasonRunTogether,
		"福田赳夫大平正芳": ReasonLength,
		"赫鲁晓夫肯尼迪":  ReasonRunTogether,
		"马来西亚总理":   ReasonRoleEvent,
	} {
		if reasons[entry] != want {
			t.Errorf("%s rejected for %q, want %q", entry, reasons[entry], want)
		}
	}
	if !sort.SliceIsSorted(s.Rejected(), func(i, j int) bool { return s.Rejected()[i].Entry < s.Rejected()[j].Entry }) {
		t.Error("Rejected() is not sorted")
	}
}

// TestSampleCandidatesStayWhole adds the RW entries and GJ topics of the whole sample as
// Candidates and checks, at every place an accepted person name occurs in the body text of
// the sample, that it is not split: it is a word, or lies inside a longer dictionary word
// (毛泽东思想, 邓小平理论, 晴空万里: 44 of the 574 occurrences). Occurrences are found with
// strings.Index, independently of the segmenter.
func TestSampleCandidatesStayWhole(t *testing.T) {
	arts := readSample(t)
	s := wordsSegmenter(t)
	persons := map[string]bool{}
	for _, p := range sampleRWPersons {
		persons[p] = true
	}
	total, whole, inside := 0, 0, 0
	var missed []string
	for _, a := range arts {
		for _, line := range a.body {
			spans := s.AppendSpans(nil, line)
			starts := map[[2]int]bool{}
			for _, sp := range spans {
				starts[[2]int{sp.Start, sp.End}] = true
			}
			within := func(a, b int) bool {
				for _, sp := range spans {
					if sp.Start <= a && b <= sp.End {
						return true
					}
				}
				return false
			}
			for _, w := range s.Added() {
				if !persons[w] {
					continue
				}
				for off := 0; ; {
					i := strings.Index(line[off:], w)
					if i < 0 {
						break
					}
					total++
					switch {
					case starts[[2]int{off + i, off + i + len(w)}]:
						whole++
					case within(off+i, off+i+len(w)):
						inside++
					default:
						missed = append(missed, fmt.Sprintf("%s in %v", w, s.Cut(line[max(0, off+i-12):min(len(line), off+i+len(w)+12)])))
					}
					off += i + len(w)
				}
			}
		}
	}
	t.Logf("%d occurrences of added person names: %d words, %d inside a longer word", total, whole, inside)
	if total < 500 || len(missed) > 0 {
		t.Errorf("%d of %d occurrences split: %v", len(missed), total, missed)
	}
}

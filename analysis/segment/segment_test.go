package segment

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestAddedWordsStayWhole adds three names and a term with the automatic frequency and checks,
// in newspaper sentences, that gse splits them before (as printed by gse v0.80.3's Cut, shown
// in the want* columns) and keeps them whole after.
func TestAddedWordsStayWhole(t *testing.T) {
	plain, added := plainSegmenter(t), wordsSegmenter(t)
	cases := []struct {
		sentence, word string
		wantBefore     []string // the word's pieces in plain gse (nil: already whole)
	}{
		{"日本首相福田赳夫今天上午在首相官邸会见了中国代表团。", "福田赳夫", []string{"福田", "赳", "夫"}},
		{"中苏友好协会总会副会长吴玉章接见了苏联朋友。", "中苏友好协会", []string{"中苏", "友好", "协会"}},
		{"小泉纯一郎参拜靖国神社，引起亚洲各国强烈抗议。", "小泉纯一郎", []string{"小泉", "纯一", "郎"}},
		{"毛泽东主席会见马来西亚总理拉扎克。", "拉扎克", []string{"拉", "扎克"}},
		// 赫鲁晓夫 is in gse's dictionary (frequency 218): whole before and after.
		{"苏联部长会议主席赫鲁晓夫27日写信给美国总统肯尼迪说", "赫鲁晓夫", nil},
	}
	for _, c := range cases {
		before := plain.Cut(c.sentence)
		if c.wantBefore == nil {
			if !slices.Contains(before, c.word) {
				t.Errorf("plain gse splits %s in %v", c.word, before)
			}
		} else if !containsRun(before, c.wantBefore) {
			t.Errorf("plain gse: %v, want the pieces %v", before, c.wantBefore)
		}
		after := added.Cut(c.sentence)
		if !slices.Contains(after, c.word) {
			t.Errorf("with %s added: %v", c.word, after)
		}
	}
}

// TestAddedWordsStayWholeHMM: in DAG + HMM mode too (gse's DAG reads the same frequencies),
// the added words stay whole, where the HMM alone does not find them.
func TestAddedWordsStayWholeHMM(t *testing.T) {
	plain := hmmSegmenter(t)
	added, err := New(Options{HMM: true, Words: explicitWords})
	if err != nil {
		t.Fatal(err)
	}
	for sentence, word := range map[string]string{
		"日本首相福田赳夫今天上午在首相官邸会见了中国代表团。": "福田赳夫",
		"中苏友好协会总会副会长吴玉章接见了苏联朋友。":     "中苏友好协会",
		"小泉纯一郎参拜靖国神社，引起亚洲各国强烈抗议。":    "小泉纯一郎",
		"毛泽东主席会见马来西亚总理拉扎克。":          "拉扎克",
	} {
		if before := plain.Cut(sentence); slices.Contains(before, word) {
			t.Errorf("gse's HMM alone finds %s: %v", word, before)
		}
		if after := added.Cut(sentence); !slices.Contains(after, word) {
			t.Errorf("with %s added: %v", word, after)
		}
	}
}

func containsRun(tokens, run []string) bool {
	for i := 0; i+len(run) <= len(tokens); i++ {
		if slices.Equal(tokens[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// TestSplitCostMatchesGse checks splitCost, our own shortest path, against gse's: for a word
// missing from the dictionary, gse's Segment of the word alone is its best split, and its
// cost is Σ log2(T/f) over the pieces (32 for a character gse does not know).
func TestSplitCostMatchesGse(t *testing.T) {
	s := plainSegmenter(t)
	total := gseOf(t, s).Dict.TotalFreq()
	for _, w := range []string{"福田赳夫", "中苏友好协会", "小泉纯一郎", "拉扎克", "李洪九", "军队科技建设"} {
		if _, _, err := gseOf(t, s).Dict.Value(dictKey(w)); err == nil {
			t.Fatalf("%s is in the dictionary; pick another word", w)
		}
		want := 0.0
		for _, seg := range gseOf(t, s).Segment([]byte(w)) {
			tok := seg.Token()
			if tok.Freq() == 1 && tok.Pos() == "x" {
				want += 32
			} else {
				want += math.Log2(total / tok.Freq())
			}
		}
		if got := splitCost(gseDict{gseOf(t, s).Dict}, w); math.Abs(got-want) > 1e-3 { // gse sums float32 distances
			t.Errorf("splitCost(%s) = %v, gse's path costs %v", w, got, want)
		}
		// The same on the index New builds without gse (before freeze).
		if got, ref := splitCost(baseIndex(t), w), splitCost(gseDict{gseOf(t, s).Dict}, w); got != ref {
			t.Errorf("splitCost(%s) on the index = %v, on gse's dictionary %v", w, got, ref)
		}
	}
}

// TestAutoFreq checks the formula of AutoFreq on words whose expected value is obvious:
// 经济 (dictionary frequency 48718, split only into two single characters of frequency 2:
// C ≈ 2·log2(T/2) ≈ 49 bits, so T·2^-(C-10) < 1) keeps 48718; 李洪九 is unknown, split into
// three characters; its frequency must make it beat the split by 2^10.
func TestAutoFreq(t *testing.T) {
	s := plainSegmenter(t)
	if got := autoFreq(gseDict{gseOf(t, s).Dict}, "经济"); got != 48718 {
		t.Errorf("autoFreq(经济) = %v, want its dictionary frequency 48718", got)
	}
	total := gseOf(t, s).Dict.TotalFreq()
	f := autoFreq(gseDict{gseOf(t, s).Dict}, "李洪九")
	if margin := splitCost(gseDict{gseOf(t, s).Dict}, "李洪九") - math.Log2(total/f); margin < AutoFreqMargin-1e-9 {
		t.Errorf("autoFreq(李洪九) = %v beats the split by %v bits, want ≥ %d", f, margin, AutoFreqMargin)
	}
	if f < autoFreqFloor {
		t.Errorf("autoFreq(李洪九) = %v below the floor %v", f, autoFreqFloor)
	}
}

// TestExplicitFrequencyReplaces: a stated frequency replaces the dictionary's, up (卡斯特罗,
// 70 in gse) or down (碰头会), which gse's own AddToken would ignore for a word present.
func TestExplicitFrequencyReplaces(t *testing.T) {
	plain, s := plainSegmenter(t), wordsSegmenter(t)
	for word, want := range map[string]float64{"卡斯特罗": 5000, "碰头会": 3, "nato组织": 900} {
		if got, _, _ := gseOf(t, s).Find(word); got != want {
			t.Errorf("frequency of %s = %v, want %v", word, got, want)
		}
	}
	if before, _, _ := gseOf(t, plain).Find("碰头会"); before <= 3 {
		t.Errorf("碰头会 has frequency %v in gse; pick a word above 3", before)
	}
	if _, pos, _ := gseOf(t, s).Find("卡斯特罗"); pos != "nr" {
		t.Errorf("pos of 卡斯特罗 = %q, want nr", pos)
	}
	// Original case survives gse's lower-casing.
	if got := s.Cut("北约即NATO组织。"); !slices.Contains(got, "NATO组织") {
		t.Errorf("Cut = %v, want NATO组织 whole in its original case", got)
	}
}

func TestNewRejectsBadWords(t *testing.T) {
	for _, w := range []Word{{Text: " "}, {Text: "两 个"}, {Text: "词", Freq: -1}, {Text: "词", Freq: math.NaN()}} {
		if _, err := New(Options{Words: []Word{w}}); err == nil {
			t.Errorf("New accepted %+v", w)
		}
	}
}

// TestCutCoversText: on the real sample, the words of both modes join back to each paragraph
// without its white space, are substrings at their spans, and contain no white space.
func TestCutCoversText(t *testing.T) {
	text := sampleText(t)
	for _, s := range []*Segmenter{plainSegmenter(t), hmmSegmenter(t)} {
		var spans []Span
		for _, line := range strings.Split(text, "\n") {
			words := s.Cut(line)
			want := strings.Join(strings.FieldsFunc(line, unicode.IsSpace), "")
			if got := strings.Join(words, ""); got != want {
				t.Fatalf("%s: words %v do not join to %q", s.Mode(), words, want)
			}
			spans = s.AppendSpans(spans[:0], line)
			if len(spans) != len(words) {
				t.Fatalf("%s: %d spans for %d words", s.Mode(), len(spans), len(words))
			}
			for i, sp := range spans {
				if line[sp.Start:sp.End] != words[i] || strings.ContainsFunc(words[i], unicode.IsSpace) {
					t.Fatalf("%s: span %v = %q, word %q", s.Mode(), sp, line[sp.Start:sp.End], words[i])
				}
			}
		}
	}
}

// TestCutKnownSentence pins both modes on one sentence of the sample (195910020206: 尼·谢·
// 赫鲁晓夫同志今天晚上在天安门城楼上观看 …), the expected words written down from gse
// v0.80.3's own Cut(s) and Cut(s, true), which our spans must reproduce exactly.
func TestCutKnownSentence(t *testing.T) {
	const sentence = "和尼·谢·赫鲁晓夫同志今天晚上在天安门城楼上观看焰火。”"
	plain, hmmSeg := plainSegmenter(t), hmmSegmenter(t)
	wantPlain := gseOf(t, plain).Cut(sentence)
	if got := plain.Cut(sentence); !slices.Equal(got, wantPlain) {
		t.Errorf("shortest path: %v, gse %v", got, wantPlain)
	}
	var wantHMM []string
	for _, w := range gseOf(t, hmmSeg).Cut(sentence, true) {
		if w == "。”" { // gse's HMM keeps a punctuation run together; we cut it
			wantHMM = append(wantHMM, "。", "”")
			continue
		}
		wantHMM = append(wantHMM, w)
	}
	if got := hmmSeg.Cut(sentence); !slices.Equal(got, wantHMM) {
		t.Errorf("HMM: %v, want %v", got, wantHMM)
	}
	if !slices.Contains(wantPlain, "赫鲁晓夫") || !slices.Contains(wantPlain, "天安门城楼") {
		t.Errorf("gse's own cut changed: %v", wantPlain)
	}
}

// TestHMMFindsUnknownWord: a two-character name missing from the dictionary (李洪九, 3
// pieces in shortest-path mode) is found, at least in part, by the HMM.
func TestHMMFindsUnknownWord(t *testing.T) {
	const sentence = "韩国外长李洪九今天抵达北京。"
	plain := plainSegmenter(t).Cut(sentence)
	h := hmmSegmenter(t).Cut(sentence)
	if !containsRun(plain, []string{"李", "洪", "九"}) {
		t.Errorf("shortest path: %v, want 李 洪 九 apart", plain)
	}
	if containsRun(h, []string{"李", "洪", "九"}) {
		t.Errorf("HMM: %v, want 李洪九 not cut into single characters", h)
	}
}

func TestParseDict(t *testing.T) {
	const dict = "\uFEFF# user words\n福田赳夫\n中苏友好协会 500\n\n小泉纯一郎\t30\tnr\r\n  赫鲁晓夫  "
	words, err := ParseDict(strings.NewReader(dict))
	if err != nil {
		t.Fatal(err)
	}
	want := []Word{{"福田赳夫", 0, ""}, {"中苏友好协会", 500, ""}, {"小泉纯一郎", 30, "nr"}, {"赫鲁晓夫", 0, ""}}
	if !slices.Equal(words, want) {
		t.Errorf("ParseDict = %v, want %v", words, want)
	}
	for _, c := range []struct {
		dict string
		line int
		err  error
	}{
		{"甲\n乙 x\n", 2, ErrBadFreq},
		{"甲\n\n乙 -3", 3, ErrBadFreq},
		{"甲 1 n extra", 1, ErrTooManyFields},
	} {
		_, err := ParseDict(strings.NewReader(c.dict))
		var de *DictError
		if !errors.As(err, &de) || de.Line != c.line || !errors.Is(err, c.err) {
			t.Errorf("ParseDict(%q) error = %v, want line %d %v", c.dict, err, c.line, c.err)
		}
	}
}

// TestWhitespaceNeverInWords: gse's HMM glues a space to a following full-width digit
// (" ７", seen on line 2493 of the MSR test set) and keeps runs of punctuation together;
// both modes must return neither white space nor such runs.
func TestWhitespaceNeverInWords(t *testing.T) {
	const text = "全国粮食购销工作会议 ７月９日至１１日在北京举行。”\t他说：　“好！”"
	for _, s := range []*Segmenter{plainSegmenter(t), hmmSegmenter(t)} {
		words := s.Cut(text)
		for _, w := range words {
			if strings.ContainsFunc(w, unicode.IsSpace) || (isPunct(w) && len([]rune(w)) > 1) {
				t.Errorf("%s: word %q in %q", s.Mode(), w, words)
			}
		}
		if !slices.Contains(words, "７") {
			t.Errorf("%s: %q lacks ７", s.Mode(), words)
		}
	}
}

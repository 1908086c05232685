package segeval

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

// TestScoreHandCounted scores three lines whose counts were made by hand:
//
//	gold: 我们|在|北京|工作|。   test: 我们|在北京|工作|。   gold 5, test 4, correct 3 (我们 工作 。)
//	gold: 中苏|友好|协会         test: 中苏友好|协会          gold 3, test 2, correct 1 (协会)
//	gold: 研究|生命              test: 研究生|命              gold 2, test 2, correct 0
//
// G = 10, S = 8, C = 4: P = 4/8, R = 4/10, F = 2·0.5·0.4/0.9 = 4/9.
// Training words {我们 在 。 友好 协会 研究 生命}: the OOV gold words are 北京, 工作, 中苏
// (3 of 10); one of them (工作) is correct: OOV recall 1/3, IV recall (4−1)/(10−3) = 3/7.
func TestScoreHandCounted(t *testing.T) {
	gold := [][]string{{"我们", "在", "北京", "工作", "。"}, {"中苏", "友好", "协会"}, {"研究", "生命"}}
	test := [][]string{{"我们", "在北京", "工作", "。"}, {"中苏友好", "协会"}, {"研究生", "命"}}
	training := map[string]struct{}{"我们": {}, "在": {}, "。": {}, "友好": {}, "协会": {}, "研究": {}, "生命": {}}
	r, err := Score(gold, test, training)
	if err != nil {
		t.Fatal(err)
	}
	want := Result{
		Precision: 0.5, Recall: 0.4, F1: 4.0 / 9,
		OOVRate: 0.3, OOVRecall: 1.0 / 3, IVRecall: 3.0 / 7,
		GoldWords: 10, TestWords: 8, Correct: 4, GoldOOV: 3, CorrectOOV: 1,
	}
	if r.GoldWords != want.GoldWords || r.TestWords != want.TestWords || r.Correct != want.Correct ||
		r.GoldOOV != want.GoldOOV || r.CorrectOOV != want.CorrectOOV ||
		!near(r.Precision, want.Precision) || !near(r.Recall, want.Recall) || !near(r.F1, want.F1) ||
		!near(r.OOVRate, want.OOVRate) || !near(r.OOVRecall, want.OOVRecall) || !near(r.IVRecall, want.IVRecall) {
		t.Errorf("Score = %+v\nwant    %+v", r, want)
	}
}

// TestScoreSameWordElsewhere: a test word equal to a gold word but at another offset is not
// correct (span matching, not bag of words): gold 中国|人民|中|国 vs test 中|国|人民|中国.
func TestScoreSameWordElsewhere(t *testing.T) {
	r, err := Score([][]string{{"中国", "人民", "中", "国"}}, [][]string{{"中", "国", "人民", "中国"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Spans gold [0,2) [2,4) [4,5) [5,6); test [0,1) [1,2) [2,4) [4,6): only 人民 matches.
	if r.Correct != 1 || r.GoldWords != 4 || r.TestWords != 4 || r.GoldOOV != 4 || r.CorrectOOV != 1 {
		t.Errorf("Score = %+v, want 1 correct of 4 and 4, all OOV", r)
	}
}

func TestScoreMismatch(t *testing.T) {
	for _, c := range []struct{ gold, test [][]string }{
		{[][]string{{"中国"}}, [][]string{{"中"}}},
		{[][]string{{"中国"}}, [][]string{{"中", "华"}}},
		{[][]string{{"中国"}}, [][]string{{"中国"}, {"人"}}},
		{[][]string{{"中国"}, {"人"}}, [][]string{{"中国"}}},
	} {
		if _, err := Score(c.gold, c.test, nil); !errors.Is(err, ErrTextMismatch) {
			t.Errorf("Score(%v, %v) error = %v, want ErrTextMismatch", c.gold, c.test, err)
		}
	}
}

// TestScoreAcrossLines: a character one side puts at the end of a line and the other at the
// start of the next (the MSR gold's opening quotes) counts the same; spans run across lines.
func TestScoreAcrossLines(t *testing.T) {
	gold := [][]string{{"他", "说", "“"}, {"好", "”"}}
	test := [][]string{{"他说"}, {"“", "好", "”"}}
	r, err := Score(gold, test, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Gold spans [0,1) [1,2) [2,3) [3,4) [4,5); test [0,2) [2,3) [3,4) [4,5): 3 correct.
	if r.Correct != 3 || r.GoldWords != 5 || r.TestWords != 4 {
		t.Errorf("Score = %+v, want 3 correct, 5 gold, 4 test", r)
	}
}

func TestReaders(t *testing.T) {
	lines, err := ReadSegmented(strings.NewReader("\uFEFF共同  创造　美好\r\n\r\n的\t新  世纪"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"共同", "创造", "美好"}, {}, {"的", "新", "世纪"}}
	if len(lines) != len(want) {
		t.Fatalf("ReadSegmented = %q, want %q", lines, want)
	}
	for i := range want {
		if strings.Join(lines[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("line %d = %q, want %q", i+1, lines[i], want[i])
		}
	}
	raw, err := ReadLines(strings.NewReader("甲乙\r\n丙\n"))
	if err != nil || len(raw) != 2 || raw[0] != "甲乙" || raw[1] != "丙" {
		t.Errorf("ReadLines = %q, %v", raw, err)
	}
	words, err := ReadWordList(strings.NewReader("研习班\n 义演 \n\n"))
	if _, ok := words["义演"]; err != nil || len(words) != 2 || !ok {
		t.Errorf("ReadWordList = %v, %v", words, err)
	}
}

package segeval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/segeval"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/corpus"
)

// The SIGHAN 2005 bakeoff's PKU and MSR test sets (icwb2-data), kept outside the repository
// in ../../../shared/eval/sighan2005; the tests skip when they are absent.
const sighanDir = "../../../shared/eval/sighan2005"

type sighanSet struct {
	gold     [][]string
	text     []string
	training map[string]struct{}
}

func loadSighan(t testing.TB, corpus string) sighanSet {
	t.Helper()
	open := func(name string) *os.File {
		f, err := os.Open(filepath.Join(sighanDir, name))
		if err != nil {
			t.Skipf("SIGHAN 2005 data not available (%v); it lives in /work/shared/eval/sighan2005", err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	var s sighanSet
	var err error
	if s.gold, err = segeval.ReadSegmented(open(corpus + "_test_gold.utf8")); err != nil {
		t.Fatal(err)
	}
	if s.text, err = segeval.ReadLines(open(corpus + "_test.utf8")); err != nil {
		t.Fatal(err)
	}
	if s.training, err = segeval.ReadWordList(open(corpus + "_training_words.utf8")); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGoldAgainstItself: the gold standard scored against itself is perfect, and its OOV rate
// is the one the bakeoff published (Emerson 2005, table 1: PKU 0.058, MSR 0.026).
func TestGoldAgainstItself(t *testing.T) {
	for corpus, oov := range map[string]float64{"pku": 0.058, "msr": 0.026} {
		s := loadSighan(t, corpus)
		r, err := segeval.Score(s.gold, s.gold, s.training)
		if err != nil {
			t.Fatal(err)
		}
		if r.Precision != 1 || r.Recall != 1 || r.F1 != 1 || r.OOVRecall != 1 || r.IVRecall != 1 {
			t.Errorf("%s gold vs gold: %+v", corpus, r)
		}
		if d := r.OOVRate - oov; d < -0.0005 || d > 0.0005 {
			t.Errorf("%s OOV rate %.4f, the bakeoff published %.3f", corpus, r.OOVRate, oov)
		}
		t.Logf("%s: %d gold words, OOV rate %.4f", corpus, r.GoldWords, r.OOVRate)
	}
}

// TestSighanScores segments the PKU and MSR test sets in both modes and checks F1 against
// floors set just below the scores measured when the test was written (see the README).
func TestSighanScores(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary twice and segments 400 KB of text")
	}
	// Measured on 2026-11-30 with gse v0.80.3 (P / R / F1):
	//   pku shortest-path 0.852 / 0.804 / 0.827   pku dag+hmm 0.842 / 0.775 / 0.807
	//   msr shortest-path 0.814 / 0.823 / 0.819   msr dag+hmm 0.838 / 0.801 / 0.819
	floors := map[string]map[bool]float64{ // corpus → HMM → F1 floor
		"pku": {false: 0.825, true: 0.805},
		"msr": {false: 0.817, true: 0.817},
	}
	for _, hmm := range []bool{false, true} {
		seg, err := segment.New(segment.Options{HMM: hmm})
		if err != nil {
			t.Fatal(err)
		}
		for _, corpus := range []string{"pku", "msr"} {
			s := loadSighan(t, corpus)
			test := make([][]string, len(s.text))
			for i, line := range s.text {
				test[i] = seg.Cut(line)
			}
			r, err := segeval.Score(s.gold, test, s.training)
			if err != nil {
				t.Fatalf("%s %s: %v", corpus, seg.Mode(), err)
			}
			t.Logf("%s %-13s P %.3f R %.3f F1 %.3f OOV rate %.3f OOV recall %.3f IV recall %.3f",
				corpus, seg.Mode(), r.Precision, r.Recall, r.F1, r.OOVRate, r.OOVRecall, r.IVRecall)
			if r.F1 < floors[corpus][hmm] {
				t.Errorf("%s %s: F1 %.4f below the floor %.3f", corpus, seg.Mode(), r.F1, floors[corpus][hmm])
			}
		}
	}
}

// TestSighanScoresFindingWords segments the test sets after finding names and new words in
// the test text itself (analysis/lexicon, each line an article; what `baokan segment
// --find` does), and checks the issue-17 conditions against the dictionary alone: OOV
// recall up, IV recall down by at most 0.005, and F1 above floors just below the scores
// measured (see the README; the target of 0.85 is not reached).
func TestSighanScoresFindingWords(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary three times and segments 400 KB of text")
	}
	// Measured on 2026-12-03 (P / R / F1, OOV recall, IV recall), shortest path:
	//   pku 0.853 / 0.800 / 0.826, 0.558, 0.815   msr 0.819 / 0.823 / 0.821, 0.423, 0.834
	floors := map[string]float64{"pku": 0.824, "msr": 0.819}
	plain, err := segment.New(segment.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, corpus := range []string{"pku", "msr"} {
		s := loadSighan(t, corpus)
		finder := lexicon.NewFinder(lexicon.Options{})
		for _, line := range s.text {
			finder.AddTexts(corpus0, line)
		}
		seg, err := segment.New(tokens.CorpusWords{Found: finder.Result()}.Options(segment.Options{}))
		if err != nil {
			t.Fatal(err)
		}
		score := func(seg *segment.Segmenter) segeval.Result {
			test := make([][]string, len(s.text))
			for i, line := range s.text {
				test[i] = seg.Cut(line)
			}
			r, err := segeval.Score(s.gold, test, s.training)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		before, after := score(plain), score(seg)
		t.Logf("%s finding words: P %.3f R %.3f F1 %.3f OOV recall %.3f (%.3f before) IV recall %.3f (%.3f before)",
			corpus, after.Precision, after.Recall, after.F1, after.OOVRecall, before.OOVRecall, after.IVRecall, before.IVRecall)
		if after.OOVRecall <= before.OOVRecall {
			t.Errorf("%s: OOV recall %.4f, not above %.4f without finding words", corpus, after.OOVRecall, before.OOVRecall)
		}
		if after.IVRecall < before.IVRecall-0.005 {
			t.Errorf("%s: IV recall %.4f, down more than 0.005 from %.4f", corpus, after.IVRecall, before.IVRecall)
		}
		if after.F1 < floors[corpus] {
			t.Errorf("%s: F1 %.4f below the floor %.3f", corpus, after.F1, floors[corpus])
		}
	}
}

var corpus0 corpus.Date // undated: the test sets are lines of text

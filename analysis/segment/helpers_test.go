package segment

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/go-ego/gse"
)

// Loading gse's dictionary takes about 2 s (much longer under -race), so the tests share a
// few Segmenters, built once. Segmenters are immutable after New, which is what these tests
// rely on and what TestConcurrentCutMatchesSerial checks.
var (
	plainOnce sync.Once
	plainSeg  *Segmenter
	plainErr  error
	hmmOnce   sync.Once
	hmmSeg    *Segmenter
	hmmErr    error
	wordsOnce sync.Once
	wordsSeg  *Segmenter
	wordsErr  error
)

// syntheticCandidates are candidates added to the sample's own RW entries and GJ topics for
// wordsSegmenter: run-together names, a role, a padded duplicate of an explicit word.
var syntheticCandidates = []string{"赫鲁晓夫肯尼迪", "毛泽东赫鲁晓夫", "大平正芳", "福田赳夫大平正芳", " 福田赳夫 ", "会见"}

// explicitWords are wordsSegmenter's Options.Words: four with the automatic frequency, three
// with a stated one (碰头会 is in gse's dictionary at 44).
var explicitWords = []Word{
	{Text: "福田赳夫"}, {Text: "中苏友好协会"}, {Text: "小泉纯一郎"}, {Text: "拉扎克"},
	{Text: "卡斯特罗", Freq: 5000, Pos: "nr"}, {Text: "碰头会", Freq: 3}, {Text: "NATO组织", Freq: 900},
}

// wordsSegmenter has explicitWords and, as Candidates, every RW entry and GJ topic of the
// sample plus syntheticCandidates.
func wordsSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	var cands []string
	for _, a := range readSample(t) {
		cands = append(cands, a.rw...)
		cands = append(cands, a.topics...)
	}
	cands = append(cands, syntheticCandidates...)
	wordsOnce.Do(func() { wordsSeg, wordsErr = New(Options{Words: explicitWords, Candidates: cands}) })
	if wordsErr != nil {
		t.Fatal(wordsErr)
	}
	return wordsSeg
}

func plainSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	plainOnce.Do(func() { plainSeg, plainErr = New(Options{}) })
	if plainErr != nil {
		t.Fatal(plainErr)
	}
	return plainSeg
}

func hmmSegmenter(t testing.TB) *Segmenter {
	t.Helper()
	hmmOnce.Do(func() { hmmSeg, hmmErr = New(Options{HMM: true}) })
	if hmmErr != nil {
		t.Fatal(hmmErr)
	}
	return hmmSeg
}

// sharedDir is /work/shared seen from this package (analysis/segment).
const sharedDir = "../../../shared"

// sharedFile returns the path of a file under ../../../shared, skipping the test when the
// file is absent (the shared data is not part of the repository).
func sharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(sharedDir, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found (the shared test data lives outside the repository): %v", p, err)
	}
	return p
}

var references sync.Map // *Segmenter → *gse.Segmenter

// gseOf returns gse's own Segmenter with the dictionary s cuts with, the tests' reference:
// s's own in HMM mode or when a test built it by hand (tinySegmenter); otherwise gse's
// embedded dictionary loaded by gse, with the words New added or changed applied through
// gse's AddToken and ReAddToken, then CalcToken, as New did before it stopped loading gse
// in shortest-path mode: the index and this reference are built independently.
func gseOf(t testing.TB, s *Segmenter) *gse.Segmenter {
	t.Helper()
	if s.gse.Dict != nil {
		return &s.gse
	}
	if r, ok := references.Load(s); ok {
		return r.(*gse.Segmenter)
	}
	g := new(gse.Segmenter)
	if err := loadGse(g); err != nil {
		t.Fatal(err)
	}
	for _, w := range s.changes {
		add := g.AddToken
		if _, _, err := g.Dict.Value(dictKey(w.Text)); err == nil {
			add = g.ReAddToken
		}
		if err := add(w.Text, w.Freq, w.Pos); err != nil {
			t.Fatal(err)
		}
	}
	g.CalcToken()
	r, _ := references.LoadOrStore(s, g)
	return r.(*gse.Segmenter)
}

// baseIndex is an index of gse's dictionary as New starts it (loadBase, newIndex), before
// any word is added: a dictionary for autoFreq and splitCost.
func baseIndex(t testing.TB) *wordIndex {
	t.Helper()
	b, err := loadBase()
	if err != nil {
		t.Fatal(err)
	}
	return newIndex(b)
}

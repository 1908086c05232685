package lexicon

import (
	"errors"
	"io"
	"os"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

func TestProfCorpus(t *testing.T) {
	dir := os.Getenv("LEXPROF")
	if dir == "" {
		t.Skip()
	}
	var arts []*corpus.Article
	r, err := corpus.Open([]string{dir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	for {
		a, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
		if len(arts) >= 30000 {
			break
		}
	}
	t.Logf("read %d in %v", len(arts), time.Since(t0))
	pf, _ := os.Create("/tmp/words-lex.prof")
	pprof.StartCPUProfile(pf)
	defer pprof.StopCPUProfile()
	for _, mode := range []Options{{NoWords: true}, {NoNames: true}} {
		t0 = time.Now()
		f := NewFinder(mode)
		for _, a := range arts {
			f.Add(a)
		}
		t1 := time.Now()
		res := f.Result()
		t.Logf("%+v: add %v result %v, %d found", mode, t1.Sub(t0), time.Since(t1), len(res))
	}
}

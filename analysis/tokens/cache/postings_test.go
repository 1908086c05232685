package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// BlocksWith and Postings against a scan of each block on its own: a word's blocks are
// those whose articles' bodies hold it, its postings the articles (by ordinal) and the
// positions among their body words; a scan limited to the blocks gives the full summary
// and the same articles holding the word as a full scan.
func TestBlocksWith(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "corpus", "jfjb")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("the real articles are not here (%v)", err)
	}
	// Six copies of the real articles, one after the other: more than two blocks
	// (blockArticles is 256), each word of an article in some of them only.
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	tmp := t.TempDir()
	for c, prefix := range []string{"a", "b", "c", "d", "e", "f"} {
		for i, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Join(tmp, prefix+pad(c*len(files)+i)+filepath.Ext(f))
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	open := func(o corpus.Options) (*corpus.Reader, error) { return corpus.Open([]string{tmp}, o) }
	path := writeCache(t, open, "", nil)
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	if cr.Blocks() < 3 {
		t.Fatalf("%d blocks: the test needs several", cr.Blocks())
	}
	// Independently: the body words of each block, by scanning it alone, and the
	// positions of each word in each article.
	where := map[uint32][]int{}
	posts := map[uint32][]Posting{}
	ordinal := 0
	for b := range cr.Blocks() {
		sc := cr.Scan(ScanOptions{Words: true, Blocks: []int{b}})
		seen := map[uint32]bool{}
		for _, err := range sc.All() {
			if err != nil {
				t.Fatal(err)
			}
			ids, titles := sc.Tokens()
			for p, id := range ids[titles:] {
				seen[id] = true
				l := posts[id]
				if len(l) == 0 || l[len(l)-1].Article != ordinal {
					l = append(l, Posting{Article: ordinal})
				}
				l[len(l)-1].Positions = append(l[len(l)-1].Positions, int32(p))
				posts[id] = l
			}
			ordinal++
		}
		sc.Close()
		for id := range seen {
			where[id] = append(where[id], b)
		}
	}
	for id := range cr.Vocabulary() {
		got, err := cr.BlocksWith([]uint32{uint32(id)})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, where[uint32(id)]) {
			t.Fatalf("word %q: blocks %v, a scan finds it in %v", cr.Vocabulary()[id], got, where[uint32(id)])
		}
		pl, err := cr.Postings(uint32(id))
		if err != nil {
			t.Fatal(err)
		}
		want := posts[uint32(id)]
		if !slices.EqualFunc(pl, want, func(a, b Posting) bool {
			return a.Article == b.Article && slices.Equal(a.Positions, b.Positions)
		}) {
			t.Fatalf("word %q: postings %v, a scan finds %v", cr.Vocabulary()[id], pl, want)
		}
		hits, arts, err := cr.WordCounts([]uint32{uint32(id)})
		n := 0
		for _, p := range want {
			n += len(p.Positions)
		}
		if err != nil || hits != n || arts != len(want) {
			t.Fatalf("word %q: WordCounts %d %d %v, want %d %d", cr.Vocabulary()[id], hits, arts, err, n, len(want))
		}
		if len(want) > 0 {
			if b, err := cr.ArticleBlock(want[0].Article); err != nil || b != where[uint32(id)][0] {
				t.Fatalf("word %q: ArticleBlock(%d) = %d %v, want %d", cr.Vocabulary()[id], want[0].Article, b, err, where[uint32(id)][0])
			}
		}
	}
	// A limited scan: the recorded summary, the articles of those blocks only.
	full := cr.Scan(ScanOptions{})
	n := 0
	for _, err := range full.All() {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	full.Close()
	lim := cr.Scan(ScanOptions{Words: true, Blocks: []int{1}})
	m := 0
	for _, err := range lim.All() {
		if err != nil {
			t.Fatal(err)
		}
		m++
	}
	lim.Close()
	if sum := lim.Summary(); sum.Articles != n || sum.Matched != n || m >= n || m == 0 {
		t.Errorf("limited scan: %d of %d articles read, summary %+v", m, n, sum)
	}
}

// Words placed by hand: article i (one a file, 600 of them) holds "common" and "u<i>", so
// u<i> is in block i/256 alone (blockArticles is 256).
func TestBlocksWithByHand(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := corpus.NewSummary()
	for i := range 600 {
		p := fmt.Sprintf("f%03d.txt", i)
		f := corpus.FileInfo{Path: p, Articles: 1}
		sum.AddFile(f)
		if err := w.AddFile(f); err != nil {
			t.Fatal(err)
		}
		a := &corpus.Article{Path: p, Line: 1, Body: []string{"x"}}
		// "title" is a title word: never listed.
		if err := w.AddArticle(a, []string{"title", "common", fmt.Sprintf("u%d", i), "common"}, nil, 1); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Finish(sum, "", nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.bki")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cr, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cr.Close()
	id := map[string]uint32{}
	for i, w := range cr.Vocabulary() {
		id[w] = uint32(i)
	}
	for _, c := range []struct {
		words []string
		want  []int
	}{
		{[]string{"common"}, []int{0, 1, 2}},
		{[]string{"u0"}, []int{0}},
		{[]string{"u300"}, []int{1}},
		{[]string{"u599", "u255", "u256"}, []int{0, 1, 2}},
		{[]string{"u511", "u1"}, []int{0, 1}},
	} {
		var ids []uint32
		for _, w := range c.words {
			ids = append(ids, id[w])
		}
		got, err := cr.BlocksWith(ids)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("BlocksWith(%v) = %v %v, want %v", c.words, got, err, c.want)
		}
	}
	if got, err := cr.BlocksWith([]uint32{id["title"]}); err != nil || len(got) != 0 {
		t.Errorf("a title word's blocks: %v %v, want none", got, err)
	}
	// common is at body positions 0 and 2 of every article; u300 at 1 of article 300.
	pl, err := cr.Postings(id["common"])
	if err != nil || len(pl) != 600 || pl[599].Article != 599 || !slices.Equal(pl[599].Positions, []int32{0, 2}) {
		t.Errorf("postings of common: %d articles, %v", len(pl), err)
	}
	pl, err = cr.Postings(id["u300"])
	if err != nil || len(pl) != 1 || pl[0].Article != 300 || !slices.Equal(pl[0].Positions, []int32{1}) {
		t.Errorf("postings of u300: %v %v", pl, err)
	}
	if hits, arts, err := cr.WordCounts([]uint32{id["common"], id["u3"]}); err != nil || hits != 1201 || arts != 600 {
		t.Errorf("WordCounts(common, u3) = %d %d %v, want 1201 600", hits, arts, err)
	}
}

package query

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// PostingHits against Hits: the same articles and spans, from postings built here by hand
// from the documents' words.
func TestPostingHits(t *testing.T) {
	docs := []string{
		"美国 帝国主义 侵略 古巴 , 古巴 人民 反对 美国 帝国主义",
		"中国 人民 支持 古巴 人民",
		"美国 导弹 古巴 导弹 危机",
		"无关 的 文章",
		"古巴 古巴 古巴 美国",
		"帝国主义 美国 侵略 中国",
	}
	vocab := []string{}
	id := map[string]uint32{}
	var ids [][]uint32
	for _, d := range docs {
		var l []uint32
		for _, w := range strings.Fields(d) {
			if _, ok := id[w]; !ok {
				id[w] = uint32(len(vocab))
				vocab = append(vocab, w)
			}
			l = append(l, id[w])
		}
		ids = append(ids, l)
	}
	postings := map[uint32][]Posting{}
	for a, l := range ids {
		for p, w := range l {
			ps := postings[w]
			if len(ps) == 0 || ps[len(ps)-1].Article != a {
				ps = append(ps, Posting{Article: a})
			}
			ps[len(ps)-1].Positions = append(ps[len(ps)-1].Positions, int32(p))
			postings[w] = ps
		}
	}
	get := func(id uint32) ([]Posting, error) { return postings[id], nil }
	for _, qs := range []string{
		"古巴", "美国", "不在", `"美国 帝国主义"`, `"古巴 古巴"`, "/^导/", "/国/",
		"古巴 NEAR/1 美国", "古巴 NEAR/3 导弹", `"美国 帝国主义" NEAR/5 古巴`,
		"古巴 AND 美国", "古巴 OR 中国", "(古巴 OR 中国) AND 人民", "古巴 NEAR/2 (人民 OR 美国)",
	} {
		q, err := Compile(qs)
		if err != nil {
			t.Fatal(err)
		}
		q.Bind(vocab)
		got, ok, err := q.PostingHits(get)
		if !ok || err != nil {
			t.Fatalf("%s: not served (%v)", qs, err)
		}
		var want []ArticleHits
		for a := range docs {
			if m, h := q.Hits(&Doc{Article: &corpus.Article{}, IDs: ids[a]}); m && len(h) > 0 {
				want = append(want, ArticleHits{Article: a, Hits: h})
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: postings give %v, the words %v", qs, got, want)
		}
	}
	for _, qs := range []string{"NOT 古巴", "古巴 AND title:x", `text:"古巴"`} {
		q, _ := Compile(qs)
		q.Bind(vocab)
		if _, ok, _ := q.PostingHits(get); ok {
			t.Errorf("%s: served from postings, but needs the articles", qs)
		}
	}
}

// A query's hits from a positional index: the articles and spans, with no article read.
func ExampleQuery_PostingHits() {
	vocab := []string{"美国", "帝国主义", "古巴"}
	postings := map[uint32][]Posting{
		0: {{Article: 0, Positions: []int32{0, 5}}, {Article: 3, Positions: []int32{2}}},
		1: {{Article: 0, Positions: []int32{1}}, {Article: 3, Positions: []int32{0}}},
		2: {{Article: 3, Positions: []int32{7}}},
	}
	q, _ := Compile(`"美国 帝国主义"`)
	q.Bind(vocab)
	hits, _, _ := q.PostingHits(func(id uint32) ([]Posting, error) { return postings[id], nil })
	fmt.Println(hits)
	// Output: [{0 [{0 2}]}]
}

// person: with names learned from every RW list first: 陈克会 stands alone in one list, so
// the run-together 吕行硕陈克会等 of another names him.
func ExampleMatcher() {
	q, _ := Compile("person:陈克会")
	m := NewMatcher(q)
	arts := []*corpus.Article{
		{RW: []string{"吕行硕", "陈克会"}},
		{RW: []string{"吕行硕陈克会等"}},
		{RW: []string{"赫鲁晓夫"}},
	}
	for _, a := range arts {
		m.Learn(a.RW)
	}
	for _, a := range arts {
		fmt.Println(m.Match(a, nil, nil))
	}
	// Output:
	// true
	// true
	// false
}

// The blocks of 256 articles a concordance of the first 3 hits reads: those of articles 5
// and 300 (the third hit is in article 300); all 6 hits are counted.
func ExampleBlocks() {
	found := []ArticleHits{
		{Article: 5, Hits: []Span{{0, 1}, {9, 10}}},
		{Article: 300, Hits: []Span{{4, 5}}},
		{Article: 700, Hits: []Span{{1, 2}, {2, 3}, {7, 8}}},
	}
	block := func(article int) (int, error) { return article / 256, nil }
	fmt.Println(Blocks(found, 3, block))
	fmt.Println(Blocks(found, 0, block))
	// Output:
	// [0 1] 6 <nil>
	// [0 1 2] 6 <nil>
}

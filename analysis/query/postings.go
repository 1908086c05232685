package query

import (
	"slices"
	"sort"
)

// Posting is one article whose body holds a word, as a positional index gives it: the
// article's ordinal (in corpus order) and the word's positions among its body words
// (ascending). cache.Reader.Postings gives them for a cache.
type Posting struct {
	Article   int
	Positions []int32
}

// ArticleHits is one article with hits, found from the postings: its ordinal and its hits,
// as Hits would give them from the article's words.
type ArticleHits struct {
	Article int
	Hits    []Span
}

// PostingHits finds the hits of a bound query (Bind) from a positional index alone, with no
// article decoded: postings(id) gives a word's postings in corpus order. It answers for
// queries made of words, sequences, patterns, NEAR, AND and OR (ok false otherwise: NOT,
// fields and text: need the articles). The result lists, in corpus order, every article
// where Hits finds a hit, with those hits.
func (q *Query) PostingHits(postings func(id uint32) ([]Posting, error)) (out []ArticleHits, ok bool, err error) {
	if !q.bound || !postingServed(q.Root) {
		return nil, false, nil
	}
	cache := map[uint32][]Posting{}
	get := func(id uint32) ([]Posting, error) {
		if p, ok := cache[id]; ok {
			return p, nil
		}
		p, err := postings(id)
		cache[id] = p
		return p, err
	}
	out, err = postingSpans(q.Root, get)
	if err != nil {
		return nil, false, err
	}
	for i := range out {
		out[i].Hits = normalize(out[i].Hits)
	}
	return out, true, nil
}

// postingServed reports whether n can be answered from postings.
func postingServed(n Node) bool {
	switch n := n.(type) {
	case *Word, *Pattern, *Seq:
		return true
	case *Near:
		return postingServed(n.L) && postingServed(n.R)
	case *And:
		for _, k := range n.Kids {
			if !postingServed(k) {
				return false
			}
		}
		return true
	case *Or:
		for _, k := range n.Kids {
			if !postingServed(k) {
				return false
			}
		}
		return true
	}
	return false
}

// termSpans gives the one-word spans of the words whose ids t marks.
func termSpans(t []bool, get func(uint32) ([]Posting, error)) ([]ArticleHits, error) {
	var out []ArticleHits
	n := 0
	for id, yes := range t {
		if !yes {
			continue
		}
		ps, err := get(uint32(id))
		if err != nil {
			return nil, err
		}
		n++
		total := 0
		for _, p := range ps {
			total += len(p.Positions)
		}
		spans := make([]Span, 0, total) // one array for all, sliced by article
		out = slices.Grow(out, len(ps))
		for _, p := range ps {
			start := len(spans)
			for _, pos := range p.Positions {
				spans = append(spans, Span{int(pos), int(pos) + 1})
			}
			out = append(out, ArticleHits{Article: p.Article, Hits: spans[start:len(spans):len(spans)]})
		}
	}
	if n > 1 {
		out = mergeArticles(out)
	}
	return out, nil
}

// mergeArticles sorts by article and joins the spans of the same article.
func mergeArticles(l []ArticleHits) []ArticleHits {
	sort.SliceStable(l, func(i, j int) bool { return l[i].Article < l[j].Article })
	var out []ArticleHits
	for _, h := range l {
		if k := len(out) - 1; k >= 0 && out[k].Article == h.Article {
			out[k].Hits = append(out[k].Hits, h.Hits...)
			continue
		}
		out = append(out, h)
	}
	for i := range out {
		slices.SortFunc(out[i].Hits, func(a, b Span) int {
			if a.Start != b.Start {
				return a.Start - b.Start
			}
			return a.End - b.End
		})
	}
	return out
}

// joinArticles calls fn with the hits of each article found in every list (lists in
// article order); fn returns the article's spans, kept when not empty.
func joinArticles(lists [][]ArticleHits, fn func(each [][]Span) []Span) []ArticleHits {
	var out []ArticleHits
	if len(lists) == 0 {
		return nil
	}
	idx := make([]int, len(lists))
	each := make([][]Span, len(lists))
	for i0 := range lists[0] {
		art := lists[0][i0].Article
		all := true
		for k := 1; k < len(lists); k++ {
			l := lists[k]
			for idx[k] < len(l) && l[idx[k]].Article < art {
				idx[k]++
			}
			if idx[k] == len(l) || l[idx[k]].Article != art {
				all = false
				break
			}
		}
		if !all {
			continue
		}
		each[0] = lists[0][i0].Hits
		for k := 1; k < len(lists); k++ {
			each[k] = lists[k][idx[k]].Hits
		}
		if s := fn(each); len(s) > 0 {
			out = append(out, ArticleHits{Article: art, Hits: s})
		}
	}
	return out
}

func postingSpans(n Node, get func(uint32) ([]Posting, error)) ([]ArticleHits, error) {
	switch n := n.(type) {
	case *Word:
		return termSpans(n.ids, get)
	case *Pattern:
		return termSpans(n.ids, get)
	case *Seq:
		lists := make([][]ArticleHits, len(n.ids))
		for i, t := range n.ids {
			l, err := termSpans(t, get)
			if err != nil {
				return nil, err
			}
			lists[i] = l
		}
		k := len(n.ids)
		return joinArticles(lists, func(each [][]Span) []Span {
			var s []Span
			for _, first := range each[0] {
				j := 1
				for ; j < k; j++ {
					if !hasStart(each[j], first.Start+j) {
						break
					}
				}
				if j == k {
					s = append(s, Span{first.Start, first.Start + k})
				}
			}
			return s
		}), nil
	case *Near:
		l, err := postingSpans(n.L, get)
		if err != nil {
			return nil, err
		}
		r, err := postingSpans(n.R, get)
		if err != nil {
			return nil, err
		}
		return joinArticles([][]ArticleHits{l, r}, func(each [][]Span) []Span {
			return nearSpans(normalize(each[0]), normalize(each[1]), n.N, false)
		}), nil
	case *And:
		lists := make([][]ArticleHits, len(n.Kids))
		for i, k := range n.Kids {
			l, err := postingSpans(k, get)
			if err != nil {
				return nil, err
			}
			lists[i] = l
		}
		return joinArticles(lists, func(each [][]Span) []Span {
			var s []Span
			for _, e := range each {
				s = append(s, e...)
			}
			return s
		}), nil
	case *Or:
		var all []ArticleHits
		for _, k := range n.Kids {
			l, err := postingSpans(k, get)
			if err != nil {
				return nil, err
			}
			all = append(all, l...)
		}
		return mergeArticles(all), nil
	}
	return nil, nil
}

// hasStart reports whether the sorted one-word spans s hold one at position p.
func hasStart(s []Span, p int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].Start >= p })
	return i < len(s) && s[i].Start == p
}

// Blocks returns, in order, the blocks (of a cache, say: block gives an article's) that
// hold the articles of found, and the number of hits; with limit > 0, only up to the block
// holding the limit-th hit in corpus order (the hits are all counted): what a concordance
// of the first limit hits must read.
func Blocks(found []ArticleHits, limit int, block func(article int) (int, error)) (blocks []int, hits int, err error) {
	blocks = []int{}
	for _, f := range found {
		reached := limit > 0 && hits >= limit
		hits += len(f.Hits)
		if reached {
			continue
		}
		b, err := block(f.Article)
		if err != nil {
			return nil, 0, err
		}
		if len(blocks) == 0 || blocks[len(blocks)-1] != b {
			blocks = append(blocks, b)
		}
	}
	return blocks, hits, nil
}

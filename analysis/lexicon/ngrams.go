package lexicon

import (
	"math"
	"slices"
	"strings"

	"github.com/baokan/baokan/corpus"
)

// sampledArticle is the Han text of one sampled article as character ids, 0 between runs.
type sampledArticle struct {
	index int
	date  corpus.Date
	chars []uint16
}

// sampler keeps an evenly spread sample of the corpus's Han text (see the package doc).
type sampler struct {
	limit    int
	stride   int // take articles whose index is a multiple of stride (0: 1)
	total    int
	articles []sampledArticle
	ids      map[rune]uint16
	runes    []rune // by id; runes[0] unused
}

func (s *sampler) id(c rune) uint16 {
	if id, ok := s.ids[c]; ok {
		return id
	}
	if len(s.runes) == 0 {
		s.runes = append(s.runes, 0)
	}
	if len(s.runes) >= math.MaxUint16 {
		return 0 // more distinct characters than ids: a boundary
	}
	id := uint16(len(s.runes))
	s.ids[c] = id
	s.runes = append(s.runes, c)
	return id
}

func (s *sampler) add(index int, date corpus.Date, texts []string) {
	if s.stride == 0 {
		s.stride = 1
	}
	if index%s.stride != 0 {
		return
	}
	var chars []uint16
	for _, t := range texts {
		chars = append(chars, 0)
		for _, c := range t {
			if isHan(c) {
				chars = append(chars, s.id(c))
			} else if chars[len(chars)-1] != 0 {
				chars = append(chars, 0)
			}
		}
	}
	chars = append(chars, 0)
	s.articles = append(s.articles, sampledArticle{index: index, date: date, chars: chars})
	s.total += len(chars)
	for s.total > s.limit && s.stride < 1<<30 {
		s.stride *= 2
		kept := s.articles[:0]
		s.total = 0
		for _, a := range s.articles {
			if a.index%s.stride == 0 {
				kept = append(kept, a)
				s.total += len(a.chars)
			}
		}
		clear(s.articles[len(kept):])
		s.articles = kept
	}
}

// pack packs up to 4 ids into a key.
func pack(ids []uint16) uint64 {
	var k uint64
	for _, id := range ids {
		k = k<<16 | uint64(id)
	}
	return k
}

// ngramCounts counts the n-grams of the sample, level by level with Apriori pruning.
type ngramCounts struct {
	levels [MaxWordLen + 1]map[uint64]int32
	n      float64 // characters counted
}

func (s *sampler) count() *ngramCounts {
	nc := &ngramCounts{}
	for n := 1; n <= MaxWordLen; n++ {
		nc.levels[n] = map[uint64]int32{}
	}
	for _, a := range s.articles {
		for _, id := range a.chars {
			if id != 0 {
				nc.levels[1][uint64(id)]++
				nc.n++
			}
		}
	}
	for n := 2; n <= MaxWordLen; n++ {
		prev, cur := nc.levels[n-1], nc.levels[n]
		for _, a := range s.articles {
			c := a.chars
			for i := 0; i+n <= len(c); i++ {
				g := c[i : i+n]
				if slices.Contains(g, 0) {
					continue
				}
				if prev[pack(g[:n-1])] < MinWordCount || prev[pack(g[1:])] < MinWordCount {
					continue
				}
				cur[pack(g)]++
			}
		}
	}
	return nc
}

func (nc *ngramCounts) get(g []uint16) int32 { return nc.levels[len(g)][pack(g)] }

// cohesion is the least PMI (bits) over the cuts of g into two parts.
func (nc *ngramCounts) cohesion(g []uint16) float64 {
	c := float64(nc.get(g))
	best := math.Inf(1)
	for k := 1; k < len(g); k++ {
		a, b := float64(nc.get(g[:k])), float64(nc.get(g[k:]))
		best = min(best, math.Log2(c*nc.n/(a*b)))
	}
	return best
}

// neighbours tallies the characters beside a candidate; boundaries count apart.
type neighbours struct {
	left, right         map[uint16]int32
	leftEdge, rightEdge int32
	count               int32
	articles            int
	lastArticle         int
	first, last         corpus.Date
}

func entropy(m map[uint16]int32, edges int32, total int32) float64 {
	if total == 0 {
		return 0
	}
	t := float64(total)
	h := 0.0
	// Summed in a fixed order (map order varies, and so would the last bits of the sum).
	counts := make([]int32, 0, len(m))
	for _, c := range m {
		counts = append(counts, c)
	}
	slices.Sort(counts)
	for _, c := range counts {
		p := float64(c) / t
		h -= p * math.Log2(p)
	}
	if edges > 0 {
		p := 1 / t
		h -= float64(edges) * p * math.Log2(p)
	}
	return h
}

// numerals are the characters of numbers written in Chinese.
const numerals = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟第"

// words applies the word rules to the sample.
func (s *sampler) words() []Entry {
	if len(s.articles) == 0 {
		return nil
	}
	nc := s.count()
	type cand struct {
		key      uint64
		n        int
		cohesion float64
	}
	cands := map[uint64]*neighbours{}
	var list []cand
	for n := 2; n <= MaxWordLen; n++ {
		for key, c := range nc.levels[n] {
			if c < MinWordCount {
				continue
			}
			g := unpack(key, n)
			if isFunctionChar(s.runes[g[0]]) || isFunctionChar(s.runes[g[n-1]]) || s.allNumerals(g) {
				continue
			}
			h := nc.cohesion(g)
			if h < MinCohesion+float64(n-2) {
				continue
			}
			list = append(list, cand{key, n, h})
			cands[key<<3|uint64(n)] = &neighbours{left: map[uint16]int32{}, right: map[uint16]int32{}, lastArticle: -1}
		}
	}
	if len(list) == 0 {
		return nil
	}
	for ai, a := range s.articles {
		c := a.chars
		for i := range c {
			for n := 2; n <= MaxWordLen && i+n <= len(c); n++ {
				g := c[i : i+n]
				if g[n-1] == 0 {
					break
				}
				nb := cands[pack(g)<<3|uint64(n)]
				if nb == nil || slices.Contains(g, 0) {
					continue
				}
				nb.count++
				if nb.lastArticle != ai {
					nb.lastArticle = ai
					nb.articles++
					if nb.first.IsZero() || (!a.date.IsZero() && earlier(a.date, nb.first)) {
						nb.first = a.date
					}
					if earlier(nb.last, a.date) {
						nb.last = a.date
					}
				}
				if i == 0 || c[i-1] == 0 {
					nb.leftEdge++
				} else {
					nb.left[c[i-1]]++
				}
				if i+n >= len(c) || c[i+n] == 0 {
					nb.rightEdge++
				} else {
					nb.right[c[i+n]]++
				}
			}
		}
	}
	var out []Entry
	for _, cd := range list {
		nb := cands[cd.key<<3|uint64(cd.n)]
		hl := entropy(nb.left, nb.leftEdge, nb.count)
		hr := entropy(nb.right, nb.rightEdge, nb.count)
		if min(hl, hr) < MinEntropy {
			continue
		}
		out = append(out, Entry{Text: s.text(unpack(cd.key, cd.n)), Kind: KindWord, Count: int(nb.count),
			Articles: nb.articles, Cohesion: cd.cohesion, LeftEntropy: hl, RightEntropy: hr,
			First: nb.first, Last: nb.last})
	}
	// A piece of a longer word found is no word of its own.
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Text, b.Text) })
	kept := out[:0]
	for _, e := range out {
		piece := false
		for _, o := range out {
			if len(o.Text) > len(e.Text) && strings.Contains(o.Text, e.Text) && o.Count*10 >= e.Count*9 {
				piece = true
				break
			}
		}
		if !piece {
			kept = append(kept, e)
		}
	}
	return kept
}

func unpack(key uint64, n int) []uint16 {
	g := make([]uint16, n)
	for i := n - 1; i >= 0; i-- {
		g[i] = uint16(key)
		key >>= 16
	}
	return g
}

func (s *sampler) text(g []uint16) string {
	var b strings.Builder
	for _, id := range g {
		b.WriteRune(s.runes[id])
	}
	return b.String()
}

func (s *sampler) allNumerals(g []uint16) bool {
	for _, id := range g {
		if !strings.ContainsRune(numerals, s.runes[id]) {
			return false
		}
	}
	return true
}

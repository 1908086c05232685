package network

import (
	"strconv"
	"testing"
)

// syntheticDocs returns n articles naming 2 to 6 of persons persons each, drawn by a
// fixed multiplicative rule with a skew towards low numbers (a few very frequent persons,
// as with 江泽民 in the real data).
func syntheticDocs(n, persons int) []Doc {
	names := make([]string, persons)
	for i := range names {
		names[i] = "人物" + strconv.Itoa(i)
	}
	docs := make([]Doc, n)
	state := uint64(88172645463325252)
	next := func() uint64 { // xorshift64
		state ^= state << 13
		state ^= state >> 7
		state ^= state << 17
		return state
	}
	for i := range docs {
		k := 2 + int(next()%5)
		for range k {
			r := next() % uint64(persons)
			r = r * (next() % uint64(persons)) / uint64(persons) // skew
			docs[i].Persons = append(docs[i].Persons, names[r])
		}
	}
	return docs
}

// BenchmarkAdd measures counting: one op is one article.
func BenchmarkAdd(b *testing.B) {
	docs := syntheticDocs(100000, 5000)
	bl := NewBuilder()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		bl.Add(docs[i%len(docs)])
		i++
	}
}

// BenchmarkNetwork measures building a 500-person network (about 55,000 edges) with all
// its measures from 100,000 articles already counted. gonum's Louvain takes about half
// the time and grows fastest: its local moves look up every member of every
// neighbouring community.
func BenchmarkNetwork(b *testing.B) {
	bl := NewBuilder()
	for _, d := range syntheticDocs(100000, 5000) {
		bl.Add(d)
	}
	b.ReportAllocs()
	for b.Loop() {
		net, err := bl.Network(Options{Top: 500})
		if err != nil {
			b.Fatal(err)
		}
		if len(net.Nodes) != 500 {
			b.Fatal(len(net.Nodes))
		}
	}
}

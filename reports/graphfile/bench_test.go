package graphfile

import (
	"io"
	"strconv"
	"testing"

	"github.com/baokan/baokan/analysis/network"
)

// benchNetwork: 300 persons, 3000 articles of 3 persons each by a fixed rule.
func benchNetwork(b *testing.B) *network.Network {
	b.Helper()
	docs := make([]network.Doc, 3000)
	for i := range docs {
		for _, k := range []int{i % 300, (i*7 + 1) % 300, (i*13 + 2) % 300} {
			docs[i].Persons = append(docs[i].Persons, "人物"+strconv.Itoa(k))
		}
	}
	net, err := network.Build(docs, network.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return net
}

func BenchmarkWriteGEXF(b *testing.B) {
	net := benchNetwork(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteGEXF(io.Discard, net, GEXFOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteGraphML(b *testing.B) {
	net := benchNetwork(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteGraphML(io.Discard, net); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteDOT(b *testing.B) {
	net := benchNetwork(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteDOT(io.Discard, net); err != nil {
			b.Fatal(err)
		}
	}
}

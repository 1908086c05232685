package network_test

import (
	"fmt"

	"github.com/baokan/baokan/analysis/network"
)

func ExampleBuilder() {
	b := network.NewBuilder()
	for _, persons := range [][]string{{"甲", "乙"}, {"甲", "乙", "丙"}, {"甲"}, {"丙"}} {
		b.Add(network.Doc{Persons: persons})
	}
	net, err := b.Network(network.Options{Seed: 1})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range net.Edges {
		fmt.Printf("%s–%s w=%d PMI=%.3f NPMI=%.3f Jaccard=%.3f G²=%.3f\n", e.Source, e.Target, e.Weight, e.PMI, e.NPMI, e.Jaccard, e.G2)
	}
	for _, n := range net.Nodes {
		fmt.Printf("%s articles=%d strength=%d PageRank=%.4f community=%d\n", n.Person, n.Articles, n.WeightedDegree, n.PageRank, n.Community)
	}
	// Output:
	// 丙–乙 w=1 PMI=0.000 NPMI=0.000 Jaccard=0.333 G²=0.000
	// 丙–甲 w=1 PMI=-0.585 NPMI=-0.292 Jaccard=0.250 G²=1.726
	// 乙–甲 w=2 PMI=0.415 NPMI=0.415 Jaccard=0.667 G²=1.726
	// 丙 articles=2 strength=2 PageRank=0.2597 community=0
	// 乙 articles=2 strength=3 PageRank=0.3701 community=0
	// 甲 articles=3 strength=3 PageRank=0.3701 community=0
}

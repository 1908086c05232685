package graphfile_test

import (
	"fmt"
	"os"

	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/reports/graphfile"
)

func ExampleWriteDOT() {
	net, err := network.Build([]network.Doc{
		{ID: "1", Persons: []string{"毛泽东", "周恩来"}},
		{ID: "2", Persons: []string{"周恩来", "毛泽东", "朱德"}},
	}, network.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	net.Nodes = net.Nodes[:0] // edges only, to keep the example short
	if err := graphfile.WriteDOT(os.Stdout, net); err != nil {
		fmt.Println(err)
	}
	// Output:
	// graph "baokan" {
	// 	"周恩来" -- "朱德" [weight=1, pmi="0", npmi="0", jaccard="0.5", dice="0.6666666666666666", g2="0"];
	// 	"周恩来" -- "毛泽东" [weight=2, pmi="0", npmi="1", jaccard="1", dice="1", g2="0"];
	// 	"朱德" -- "毛泽东" [weight=1, pmi="0", npmi="0", jaccard="0.5", dice="0.6666666666666666", g2="0"];
	// }
}

func ExampleNodeRow() {
	net, err := network.Build([]network.Doc{{Persons: []string{"毛泽东", "周恩来"}}}, network.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(graphfile.NodeColumns())
	fmt.Println(graphfile.NodeRow(&net.Nodes[0]))
	// Output:
	// [person articles degree weighted_degree pagerank betweenness eigenvector community]
	// [周恩来 1 1 1 0.5 0 0.7071067811865476 0]
}

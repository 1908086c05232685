package network

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// louvain sets Node.Community from gonum's Louvain modularisation of the weighted graph
// (community.Modularize, Blondel et al. 2008, "Fast unfolding of communities in large
// networks", J. Stat. Mech. P10008, doi:10.1088/1742-5468/2008/10/P10008), which
// maximises the modularity with resolution γ (Newman & Girvan 2004; Reichardt &
// Bornholdt 2006, doi:10.1103/PhysRevE.74.016110):
//
//	Q = 1/2m Σ_ij [ A_ij − γ k_i k_j / 2m ] δ(c_i, c_j)
//
// with A_ij the edge weights, k_i the strengths and 2m their sum. The search visits nodes
// in an order shuffled by a PCG generator seeded with seed, so equal seeds give equal
// communities. The communities of the coarsest level are numbered from 0 by size,
// largest first, ties broken by their smallest person name. It returns Q.
func (n *Network) louvain(resolution float64, seed uint64) float64 {
	if len(n.Nodes) == 0 {
		return 0
	}
	reduced := community.Modularize(n.graph, resolution, rand.NewPCG(seed, seed))
	comms := reduced.Communities()
	ids := make([][]int, len(comms))
	for c, members := range comms {
		ids[c] = make([]int, len(members))
		for i, m := range members {
			ids[c][i] = int(m.ID())
		}
		slices.Sort(ids[c]) // node order is name order: ids[c][0] is the smallest name
	}
	// Node indexes follow name order, so the smallest index is the smallest name.
	slices.SortFunc(ids, func(a, b []int) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
	sorted := make([][]graph.Node, len(ids))
	for c, members := range ids {
		sorted[c] = make([]graph.Node, len(members))
		for i, id := range members {
			n.Nodes[id].Community = c
			sorted[c][i] = n.graph.Node(int64(id))
		}
	}
	if n.graph.Edges().Len() == 0 {
		return 0 // Q is 0/0 without edges
	}
	return community.Q(n.graph, sorted, resolution)
}

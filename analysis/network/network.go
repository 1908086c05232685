package network

import (
	"github.com/baokan/baokan/corpus"
	"gonum.org/v1/gonum/graph/simple"
)

// A Network is the person co-occurrence network of a set of articles: an undirected
// weighted graph whose nodes are persons and whose edge weights count the articles naming
// both ends. It holds plain values; Graph gives the same network as a gonum graph.
type Network struct {
	// Articles is N, the number of articles counted (with or without persons).
	Articles int
	// Nodes are sorted by Person in ascending string order (Unicode code point order);
	// node i has ID i in Graph.
	Nodes []Node
	// Edges are sorted by Source then Target, with Source < Target in the same order.
	Edges []Edge
	// Modularity is Q of the communities in Nodes (see Node.Community).
	Modularity float64
	// Converged reports whether the PageRank and eigenvector iterations met their
	// tolerance within MaxIterations; when false, those values are the last iterate.
	Converged bool

	graph *simple.WeightedUndirectedGraph
}

// A Node is one person and its measures in the network.
type Node struct {
	Person string
	// Articles is n_x, the number of articles naming the person, whether or not the
	// person's edges survived the Options.
	Articles int
	// Degree is the number of edges of the node; WeightedDegree the sum of their weights
	// (its strength, Barrat et al. 2004, PNAS 101(11):3747–3752).
	Degree         int
	WeightedDegree int
	// PageRank is the weighted PageRank (Brin & Page 1998), the random surfer following
	// an edge with probability proportional to its weight, damping α = Damping, isolated
	// nodes spreading their rank evenly; it sums to 1 over the nodes:
	//	PR_i = (1−α)/n + α Σ_{j∈N(i)} PR_j·w_ij/s_j + α/n Σ_{j isolated} PR_j
	// As networkx.pagerank(G, alpha=0.85, weight="weight").
	PageRank float64
	// Betweenness is the weighted betweenness (Brandes 2001), an edge being 1/w long so
	// that persons often named together are close (Newman 2001, Phys. Rev. E 64:016132):
	//	C_B(v) = 2/((n−1)(n−2)) Σ_{s<t, s≠v≠t} σ_st(v)/σ_st
	// σ_st counting shortest s–t paths, σ_st(v) those through v. As
	// networkx.betweenness_centrality(G, weight=<1/w>, normalized=True) with exact
	// rational lengths; path lengths within a relative 1e-12 are ties.
	Betweenness float64
	// Eigenvector is the eigenvector centrality (Bonacich 1972), the principal
	// eigenvector of the weighted adjacency matrix, λx_i = Σ_j w_ij x_j, scaled to unit
	// Euclidean length; found by power iteration on A+I from x = 1/n. As
	// networkx.eigenvector_centrality(G, weight="weight"). On a disconnected network
	// the component with the largest eigenvalue takes all the weight.
	Eigenvector float64
	// Community numbers the Louvain community of the node: 0 is the largest, ties
	// broken by the smallest person name in the community.
	Community int
	// FirstDate and LastDate bound the dates of the articles naming the person (zero if
	// none was dated).
	FirstDate, LastDate corpus.Date
}

// An Edge is one pair of persons named together in at least one article.
type Edge struct {
	Source, Target string
	// Weight is w, the number of articles naming both.
	Weight int
	// PMI, NPMI, Jaccard, Dice and G2: see the functions of the same names.
	PMI, NPMI, Jaccard, Dice, G2 float64
	// FirstDate and LastDate bound the dates of the articles naming both (zero if none
	// was dated).
	FirstDate, LastDate corpus.Date

	source, target int32 // node indexes, source < target
}

// Graph returns the network as a gonum graph: node i of Nodes has ID i, and the weight of
// an edge is its Weight. The graph is shared: do not modify it.
func (n *Network) Graph() *simple.WeightedUndirectedGraph {
	return n.graph
}

// NodeIndex returns the index in Nodes (and the graph ID) of person, or -1.
func (n *Network) NodeIndex(person string) int {
	lo, hi := 0, len(n.Nodes)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if n.Nodes[m].Person < person {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(n.Nodes) && n.Nodes[lo].Person == person {
		return lo
	}
	return -1
}

// EdgeIndexes returns the node indexes of edge i of Edges (source < target).
func (n *Network) EdgeIndexes(i int) (source, target int) {
	return int(n.Edges[i].source), int(n.Edges[i].target)
}

// computeNodeMeasures fills the graph and every node measure from Nodes and Edges.
func (n *Network) computeNodeMeasures(opts Options) {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n.Nodes {
		g.AddNode(simple.Node(int64(i)))
	}
	for _, e := range n.Edges {
		g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(int64(e.source)), simple.Node(int64(e.target)), float64(e.Weight)))
	}
	n.graph = g

	a := newAdjacency(len(n.Nodes), n.Edges)
	for i := range n.Nodes {
		n.Nodes[i].Degree = a.degree(i)
		n.Nodes[i].WeightedDegree = int(a.strength[i])
	}
	pr, okPR := a.pageRank(Damping, Tolerance, MaxIterations)
	ev, okEV := a.eigenvector(Tolerance, MaxIterations)
	bc := a.betweenness(opts.workers())
	for i := range n.Nodes {
		n.Nodes[i].PageRank = pr[i]
		n.Nodes[i].Eigenvector = ev[i]
		n.Nodes[i].Betweenness = bc[i]
	}
	n.Converged = okPR && okEV
	n.Modularity = n.louvain(opts.Resolution, opts.Seed)
}

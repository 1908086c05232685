package graphfile

import "github.com/baokan/baokan/analysis/network"

// NodeColumns returns the column names of the node table (PREFIX.nodes.csv), the names
// of the GEXF and GraphML node attributes. For time slices put SliceColumn first, with
// Slice.Label as its cell.
func NodeColumns() []string {
	return []string{"person", "articles", "degree", "weighted_degree", "pagerank", "betweenness", "eigenvector", "community"}
}

// EdgeColumns returns the column names of the edge table (PREFIX.edges.csv).
func EdgeColumns() []string {
	return []string{"source", "target", "weight", "pmi", "npmi", "jaccard", "dice", "g2", "first_date", "last_date"}
}

// SliceColumn is the name of the first column of sliced tables.
const SliceColumn = "slice"

// NodeRow returns the cells of n in NodeColumns order, as reports.Writer takes them.
func NodeRow(n *network.Node) []any {
	return []any{n.Person, n.Articles, n.Degree, n.WeightedDegree, n.PageRank, n.Betweenness, n.Eigenvector, n.Community}
}

// EdgeRow returns the cells of e in EdgeColumns order; an undated first_date or
// last_date is an empty string.
func EdgeRow(e *network.Edge) []any {
	return []any{e.Source, e.Target, e.Weight, e.PMI, e.NPMI, e.Jaccard, e.Dice, e.G2, e.FirstDate.String(), e.LastDate.String()}
}

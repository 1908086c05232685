package graphfile

import (
	"github.com/baokan/baokan/analysis/network"
	"github.com/baokan/baokan/reports"
)

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

// Tables writes the node or edge tables of networks, each network's rows after the
// previous one's, with a slice column first (Slice.Label) when sliced.
type Tables struct {
	Networks []network.Slice
	Sliced   bool
}

// NodeColumns returns the columns of the node table.
func (t Tables) NodeColumns() []string { return t.columns(NodeColumns()) }

// EdgeColumns returns the columns of the edge table.
func (t Tables) EdgeColumns() []string { return t.columns(EdgeColumns()) }

func (t Tables) columns(cols []string) []string {
	if t.Sliced {
		return append([]string{SliceColumn}, cols...)
	}
	return cols
}

func (t Tables) row(label string, row []any) []any {
	if t.Sliced {
		return append([]any{label}, row...)
	}
	return row
}

// WriteNodes writes every node to w and closes it.
func (t Tables) WriteNodes(w *reports.Writer) error {
	for _, s := range t.Networks {
		for i := range s.Network.Nodes {
			if err := w.WriteRow(t.row(s.Label, NodeRow(&s.Network.Nodes[i]))...); err != nil {
				return err
			}
		}
	}
	return w.Close()
}

// WriteEdges writes every edge to w and closes it.
func (t Tables) WriteEdges(w *reports.Writer) error {
	for _, s := range t.Networks {
		for i := range s.Network.Edges {
			if err := w.WriteRow(t.row(s.Label, EdgeRow(&s.Network.Edges[i]))...); err != nil {
				return err
			}
		}
	}
	return w.Close()
}

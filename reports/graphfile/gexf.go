// Package graphfile writes person networks (analysis/network) as graph files for other
// tools: GEXF for Gephi (static, or dynamic with time spells for time slices), GraphML
// for yEd, Cytoscape, igraph and networkx, and DOT for Graphviz.
//
// Every file carries the same values as the network's node and edge tables, under the
// same column names, so a figure made in Gephi can be traced back to the CSV. Node ids are
// the person names themselves; output is byte-for-byte deterministic (no timestamps,
// nodes and edges in the network's order, floats in their shortest exact form).
package graphfile

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/baokan/baokan/analysis/network"
)

// GEXF versions WriteGEXF can write.
const (
	// GEXF13 is GEXF 1.3 (namespace http://gexf.net/1.3), the version Gephi 0.9 and
	// later export.
	GEXF13 = "1.3"
	// GEXF12 is GEXF 1.2draft (namespace http://www.gexf.net/1.2draft), for readers that
	// know no later version, such as networkx 2.8 (Debian 12), which reads 1.1draft and
	// 1.2draft only.
	GEXF12 = "1.2draft"
)

// GEXFOptions choose what WriteGEXF and WriteGEXFSlices write. The zero value writes
// GEXF 1.3 with no description.
type GEXFOptions struct {
	Version     string // GEXF13 (the default when empty) or GEXF12
	Description string // written in <meta><description>
}

func (o GEXFOptions) namespace() (ns, version string, err error) {
	switch o.Version {
	case "", GEXF13:
		return "http://gexf.net/1.3", "1.3", nil
	case GEXF12:
		return "http://www.gexf.net/1.2draft", "1.2", nil
	}
	return "", "", fmt.Errorf("graphfile: unknown GEXF version %q (want %q or %q)", o.Version, GEXF13, GEXF12)
}

type gexfDoc struct {
	XMLName        xml.Name  `xml:"gexf"`
	NS             string    `xml:"xmlns,attr"`
	XSI            string    `xml:"xmlns:xsi,attr"`
	SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
	Version        string    `xml:"version,attr"`
	Meta           gexfMeta  `xml:"meta"`
	Graph          gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description,omitempty"`
}

type gexfGraph struct {
	DefaultEdgeType    string           `xml:"defaultedgetype,attr"`
	Mode               string           `xml:"mode,attr"`
	TimeFormat         string           `xml:"timeformat,attr,omitempty"`
	TimeRepresentation string           `xml:"timerepresentation,attr,omitempty"`
	Start              string           `xml:"start,attr,omitempty"`
	End                string           `xml:"end,attr,omitempty"`
	Attributes         []gexfAttributes `xml:"attributes"`
	Nodes              []gexfNode       `xml:"nodes>node"`
	Edges              []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Mode       string          `xml:"mode,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
	Spells    *gexfSpells    `xml:"spells"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Weight    string         `xml:"weight,attr"`
	AttValues *gexfAttValues `xml:"attvalues"`
	Spells    *gexfSpells    `xml:"spells"`
}

// gexfAttValues and gexfSpells are pointers in nodes and edges so that an empty list
// writes no element at all.
type gexfAttValues struct {
	List []gexfAttValue `xml:"attvalue"`
}

type gexfSpells struct {
	List []gexfSpell `xml:"spell"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	Start string `xml:"start,attr,omitempty"`
	End   string `xml:"end,attr,omitempty"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

// Node and edge attributes, in column order. GEXF has no date type that every reader
// knows, so dates are strings YYYY-MM-DD.
var (
	nodeAttributes = []gexfAttribute{
		{"articles", "articles", "integer"},
		{"degree", "degree", "integer"},
		{"weighted_degree", "weighted_degree", "integer"},
		{"pagerank", "pagerank", "double"},
		{"betweenness", "betweenness", "double"},
		{"eigenvector", "eigenvector", "double"},
		{"community", "community", "integer"},
	}
	nodeDateAttributes = []gexfAttribute{
		{"first_date", "first_date", "string"},
		{"last_date", "last_date", "string"},
	}
	edgeAttributes = []gexfAttribute{
		{"pmi", "pmi", "double"},
		{"npmi", "npmi", "double"},
		{"jaccard", "jaccard", "double"},
		{"dice", "dice", "double"},
		{"g2", "g2", "double"},
	}
	edgeDateAttributes = []gexfAttribute{
		{"first_date", "first_date", "string"},
		{"last_date", "last_date", "string"},
	}
	// sliceWeight carries an edge's weight within each slice: the edge's own weight
	// attribute holds the sum over the slices where the edge exists.
	sliceWeight = gexfAttribute{"slice_weight", "slice_weight", "integer"}
)

// nodeValues returns the values of nodeAttributes for n, in order.
func nodeValues(n *network.Node) []string {
	return []string{
		strconv.Itoa(n.Articles), strconv.Itoa(n.Degree), strconv.Itoa(n.WeightedDegree),
		formatDouble(n.PageRank), formatDouble(n.Betweenness), formatDouble(n.Eigenvector),
		strconv.Itoa(n.Community),
	}
}

// edgeValues returns the values of edgeAttributes for e, in order.
func edgeValues(e *network.Edge) []string {
	return []string{formatDouble(e.PMI), formatDouble(e.NPMI), formatDouble(e.Jaccard), formatDouble(e.Dice), formatDouble(e.G2)}
}

// formatDouble writes v in the shortest form that reads back exactly, in the lexical
// space of xsd:double (NaN, INF, -INF for the special values).
func formatDouble(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "INF"
	case math.IsInf(v, -1):
		return "-INF"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

func newGEXFDoc(opts GEXFOptions) (*gexfDoc, error) {
	ns, version, err := opts.namespace()
	if err != nil {
		return nil, err
	}
	return &gexfDoc{
		NS:             ns,
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: ns + " " + ns + "/gexf.xsd",
		Version:        version,
		Meta:           gexfMeta{Creator: "baokan", Description: opts.Description},
		Graph:          gexfGraph{DefaultEdgeType: "undirected"},
	}, nil
}

// WriteGEXF writes net as a static GEXF graph: one node per person (id and label the
// name) with the attributes articles, degree, weighted_degree, pagerank, betweenness,
// eigenvector, community, first_date and last_date; one undirected edge per pair with
// its weight and the attributes pmi, npmi, jaccard, dice, g2, first_date and last_date.
func WriteGEXF(w io.Writer, net *network.Network, opts GEXFOptions) error {
	doc, err := newGEXFDoc(opts)
	if err != nil {
		return err
	}
	g := &doc.Graph
	g.Mode = "static"
	g.Attributes = []gexfAttributes{
		{Class: "node", Mode: "static", Attributes: append(append([]gexfAttribute{}, nodeAttributes...), nodeDateAttributes...)},
		{Class: "edge", Mode: "static", Attributes: append(append([]gexfAttribute{}, edgeAttributes...), edgeDateAttributes...)},
	}
	g.Nodes = make([]gexfNode, len(net.Nodes))
	for i := range net.Nodes {
		n := &net.Nodes[i]
		vals := append(nodeValues(n), n.FirstDate.String(), n.LastDate.String())
		g.Nodes[i] = gexfNode{ID: n.Person, Label: n.Person, AttValues: &gexfAttValues{attValues(g.Attributes[0].Attributes, vals, "", "")}}
	}
	g.Edges = make([]gexfEdge, len(net.Edges))
	for i := range net.Edges {
		e := &net.Edges[i]
		vals := append(edgeValues(e), e.FirstDate.String(), e.LastDate.String())
		g.Edges[i] = gexfEdge{
			ID: strconv.Itoa(i), Source: e.Source, Target: e.Target, Weight: strconv.Itoa(e.Weight),
			AttValues: &gexfAttValues{attValues(g.Attributes[1].Attributes, vals, "", "")},
		}
	}
	return encodeXML(w, doc)
}

// attValues pairs attributes with values, skipping empty values (an undated first_date).
func attValues(attrs []gexfAttribute, vals []string, start, end string) []gexfAttValue {
	out := make([]gexfAttValue, 0, len(vals))
	for i, v := range vals {
		if v == "" {
			continue
		}
		out = append(out, gexfAttValue{For: attrs[i].ID, Value: v, Start: start, End: end})
	}
	return out
}

// WriteGEXFSlices writes time slices as one dynamic GEXF graph (timeformat "date") for
// Gephi's timeline. A person or pair appears once, with one spell [Start, End] (both
// days included) per slice it occurs in, and its measures as dynamic attributes valued
// per spell: the node attributes of WriteGEXF but the dates, and for edges slice_weight,
// pmi, npmi, jaccard, dice and g2. An edge's weight attribute is the sum of its slice
// weights. Slices must be in time order and must not overlap.
func WriteGEXFSlices(w io.Writer, periods []network.Slice, opts GEXFOptions) error {
	doc, err := newGEXFDoc(opts)
	if err != nil {
		return err
	}
	for i := 1; i < len(periods); i++ {
		if periods[i].Start.Compare(periods[i-1].End) <= 0 {
			return fmt.Errorf("graphfile: slice %s does not start after slice %s ends", periods[i].Label, periods[i-1].Label)
		}
	}
	g := &doc.Graph
	g.Mode = "dynamic"
	g.TimeFormat = "date"
	if opts.Version != GEXF12 {
		g.TimeRepresentation = "interval"
	}
	if len(periods) > 0 {
		g.Start, g.End = periods[0].Start.String(), periods[len(periods)-1].End.String()
	}
	g.Attributes = []gexfAttributes{
		{Class: "node", Mode: "dynamic", Attributes: nodeAttributes},
		{Class: "edge", Mode: "dynamic", Attributes: append([]gexfAttribute{sliceWeight}, edgeAttributes...)},
	}

	// Persons and pairs in order of first appearance would depend on the slices; sort
	// them as the network does (by name) so every file lists them the same way.
	nodeAt := map[string]int{}
	type pairKey struct{ source, target string }
	edgeAt := map[pairKey]int{}
	var nodes []gexfNode
	var edges []gexfEdge
	var edgeWeights []int
	for _, s := range periods {
		start, end := s.Start.String(), s.End.String()
		spell := gexfSpell{Start: start, End: end}
		for i := range s.Network.Nodes {
			n := &s.Network.Nodes[i]
			k, ok := nodeAt[n.Person]
			if !ok {
				k = len(nodes)
				nodeAt[n.Person] = k
				nodes = append(nodes, gexfNode{ID: n.Person, Label: n.Person, AttValues: &gexfAttValues{}, Spells: &gexfSpells{}})
			}
			nodes[k].AttValues.List = append(nodes[k].AttValues.List, attValues(nodeAttributes, nodeValues(n), start, end)...)
			nodes[k].Spells.List = append(nodes[k].Spells.List, spell)
		}
		for i := range s.Network.Edges {
			e := &s.Network.Edges[i]
			key := pairKey{e.Source, e.Target}
			k, ok := edgeAt[key]
			if !ok {
				k = len(edges)
				edgeAt[key] = k
				edges = append(edges, gexfEdge{Source: e.Source, Target: e.Target, AttValues: &gexfAttValues{}, Spells: &gexfSpells{}})
				edgeWeights = append(edgeWeights, 0)
			}
			edgeWeights[k] += e.Weight
			vals := append([]string{strconv.Itoa(e.Weight)}, edgeValues(e)...)
			edges[k].AttValues.List = append(edges[k].AttValues.List, attValues(g.Attributes[1].Attributes, vals, start, end)...)
			edges[k].Spells.List = append(edges[k].Spells.List, spell)
		}
	}
	sortNodes(nodes)
	order := sortEdges(edges)
	g.Nodes = nodes
	g.Edges = make([]gexfEdge, len(edges))
	for i, k := range order {
		e := edges[k]
		e.ID = strconv.Itoa(i)
		e.Weight = strconv.Itoa(edgeWeights[k])
		g.Edges[i] = e
	}
	return encodeXML(w, doc)
}

// encodeXML writes the XML declaration and v, indented.
func encodeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// sortNodes orders nodes by id (the person name), as network.Network orders its nodes.
func sortNodes(nodes []gexfNode) {
	slices.SortFunc(nodes, func(a, b gexfNode) int { return cmp.Compare(a.ID, b.ID) })
}

// sortEdges returns the indexes of edges ordered by source then target.
func sortEdges(edges []gexfEdge) []int {
	order := make([]int, len(edges))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(edges[a].Source, edges[b].Source); c != 0 {
			return c
		}
		return cmp.Compare(edges[a].Target, edges[b].Target)
	})
	return order
}

package graphfile

import (
	"encoding/xml"
	"io"
	"strconv"

	"github.com/baokan/baokan/analysis/network"
)

type graphmlDoc struct {
	XMLName        xml.Name     `xml:"graphml"`
	NS             string       `xml:"xmlns,attr"`
	XSI            string       `xml:"xmlns:xsi,attr"`
	SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
	Keys           []graphmlKey `xml:"key"`
	Graph          graphmlGraph `xml:"graph"`
}

type graphmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type graphmlGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []graphmlNode `xml:"node"`
	Edges       []graphmlEdge `xml:"edge"`
}

type graphmlNode struct {
	ID   string        `xml:"id,attr"`
	Data []graphmlData `xml:"data"`
}

type graphmlEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []graphmlData `xml:"data"`
}

type graphmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// GraphML keys: ids prefixed by v_ (nodes) and e_ (edges), since both have first_date
// and last_date; attr.name is the column name.
var (
	graphmlNodeKeys = []graphmlKey{
		{"v_label", "node", "label", "string"},
		{"v_articles", "node", "articles", "int"},
		{"v_degree", "node", "degree", "int"},
		{"v_weighted_degree", "node", "weighted_degree", "int"},
		{"v_pagerank", "node", "pagerank", "double"},
		{"v_betweenness", "node", "betweenness", "double"},
		{"v_eigenvector", "node", "eigenvector", "double"},
		{"v_community", "node", "community", "int"},
		{"v_first_date", "node", "first_date", "string"},
		{"v_last_date", "node", "last_date", "string"},
	}
	graphmlEdgeKeys = []graphmlKey{
		{"e_weight", "edge", "weight", "int"},
		{"e_pmi", "edge", "pmi", "double"},
		{"e_npmi", "edge", "npmi", "double"},
		{"e_jaccard", "edge", "jaccard", "double"},
		{"e_dice", "edge", "dice", "double"},
		{"e_g2", "edge", "g2", "double"},
		{"e_first_date", "edge", "first_date", "string"},
		{"e_last_date", "edge", "last_date", "string"},
	}
)

// WriteGraphML writes net as an undirected GraphML graph with typed keys (int, double,
// string): nodes (id the person name) with label, articles, degree, weighted_degree,
// pagerank, betweenness, eigenvector, community, first_date and last_date; edges with
// weight, pmi, npmi, jaccard, dice, g2, first_date and last_date. Undated first_date and
// last_date are left out.
func WriteGraphML(w io.Writer, net *network.Network) error {
	doc := &graphmlDoc{
		NS:             "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys:           append(append([]graphmlKey{}, graphmlNodeKeys...), graphmlEdgeKeys...),
		Graph:          graphmlGraph{ID: "G", EdgeDefault: "undirected"},
	}
	doc.Graph.Nodes = make([]graphmlNode, len(net.Nodes))
	for i := range net.Nodes {
		n := &net.Nodes[i]
		vals := append([]string{n.Person}, nodeValues(n)...)
		vals = append(vals, n.FirstDate.String(), n.LastDate.String())
		doc.Graph.Nodes[i] = graphmlNode{ID: n.Person, Data: graphmlValues(graphmlNodeKeys, vals)}
	}
	doc.Graph.Edges = make([]graphmlEdge, len(net.Edges))
	for i := range net.Edges {
		e := &net.Edges[i]
		vals := append([]string{strconv.Itoa(e.Weight)}, edgeValues(e)...)
		vals = append(vals, e.FirstDate.String(), e.LastDate.String())
		doc.Graph.Edges[i] = graphmlEdge{ID: "e" + strconv.Itoa(i), Source: e.Source, Target: e.Target, Data: graphmlValues(graphmlEdgeKeys, vals)}
	}
	return encodeXML(w, doc)
}

func graphmlValues(keys []graphmlKey, vals []string) []graphmlData {
	out := make([]graphmlData, 0, len(vals))
	for i, v := range vals {
		if v != "" {
			out = append(out, graphmlData{Key: keys[i].ID, Value: v})
		}
	}
	return out
}

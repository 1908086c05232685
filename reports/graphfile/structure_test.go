package graphfile

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/baokan/baokan/analysis/network"
)

// Decoding structs written independently of the encoding ones: they name elements with
// their namespaces, so a wrong namespace fails to decode.
type readGEXF struct {
	XMLName xml.Name
	Version string `xml:"version,attr"`
	Graph   struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		EdgeType   string `xml:"defaultedgetype,attr"`
		Attributes []struct {
			Class string `xml:"class,attr"`
			Mode  string `xml:"mode,attr"`
			Attrs []struct {
				ID    string `xml:"id,attr"`
				Title string `xml:"title,attr"`
				Type  string `xml:"type,attr"`
			} `xml:"attribute"`
		} `xml:"attributes"`
		Nodes []struct {
			ID     string      `xml:"id,attr"`
			Label  string      `xml:"label,attr"`
			Values []readValue `xml:"attvalues>attvalue"`
			Spells []readSpell `xml:"spells>spell"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string      `xml:"id,attr"`
			Source string      `xml:"source,attr"`
			Target string      `xml:"target,attr"`
			Weight string      `xml:"weight,attr"`
			Values []readValue `xml:"attvalues>attvalue"`
			Spells []readSpell `xml:"spells>spell"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

type readValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type readSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

func values(vs []readValue) map[string]string {
	m := map[string]string{}
	for _, v := range vs {
		m[v.For] = v.Value
	}
	return m
}

func TestGEXFStructure(t *testing.T) {
	net := testNetwork(t)
	for _, tc := range []struct{ version, ns, attr string }{
		{"", "http://gexf.net/1.3", "1.3"},
		{GEXF12, "http://www.gexf.net/1.2draft", "1.2"},
	} {
		var buf bytes.Buffer
		if err := WriteGEXF(&buf, net, GEXFOptions{Version: tc.version}); err != nil {
			t.Fatal(err)
		}
		var doc readGEXF
		if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", tc.attr, err)
		}
		if doc.XMLName.Space != tc.ns || doc.XMLName.Local != "gexf" || doc.Version != tc.attr {
			t.Errorf("root = %v version %q, want {%s gexf} %q", doc.XMLName, doc.Version, tc.ns, tc.attr)
		}
		g := doc.Graph
		if g.Mode != "static" || g.EdgeType != "undirected" || len(g.Attributes) != 2 || len(g.Attributes[0].Attrs) != 9 || len(g.Attributes[1].Attrs) != 7 {
			t.Fatalf("graph header = %+v", g)
		}
		if len(g.Nodes) != len(net.Nodes) || len(g.Edges) != len(net.Edges) {
			t.Fatalf("%d nodes %d edges, want %d %d", len(g.Nodes), len(g.Edges), len(net.Nodes), len(net.Edges))
		}
		for i, n := range g.Nodes {
			want := net.Nodes[i]
			v := values(n.Values)
			pr, err := strconv.ParseFloat(v["pagerank"], 64)
			if n.ID != want.Person || n.Label != want.Person || err != nil || pr != want.PageRank ||
				v["articles"] != strconv.Itoa(want.Articles) || v["community"] != strconv.Itoa(want.Community) ||
				v["first_date"] != want.FirstDate.String() {
				t.Errorf("node %d = %+v, want %+v", i, n, want)
			}
		}
		for i, e := range g.Edges {
			want := net.Edges[i]
			v := values(e.Values)
			g2, err := strconv.ParseFloat(v["g2"], 64)
			if e.ID != strconv.Itoa(i) || e.Source != want.Source || e.Target != want.Target || e.Weight != strconv.Itoa(want.Weight) || err != nil || g2 != want.G2 {
				t.Errorf("edge %d = %+v, want %+v", i, e, want)
			}
		}
	}
	if err := WriteGEXF(new(bytes.Buffer), net, GEXFOptions{Version: "1.4"}); err == nil {
		t.Error("version 1.4 accepted")
	}
}

// TestGEXFSlicesStructure checks the dynamic file against the slices by hand: the
// 1960s hold articles 1–4 and 8, the 1970s articles 5–7 (article 9 names nobody, 10 is
// undated). 毛泽东–周恩来 is in both decades (articles 1 and 7), weight 1 + 1 = 2.
func TestGEXFSlicesStructure(t *testing.T) {
	sl := testSlices(t)
	var buf bytes.Buffer
	if err := WriteGEXFSlices(&buf, sl, GEXFOptions{}); err != nil {
		t.Fatal(err)
	}
	var doc readGEXF
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	g := doc.Graph
	if g.Mode != "dynamic" || g.TimeFormat != "date" || g.Attributes[0].Mode != "dynamic" {
		t.Errorf("graph header = %+v", g)
	}
	sixties := readSpell{"1960-01-01", "1969-12-31"}
	seventies := readSpell{"1970-01-01", "1979-12-31"}
	spellsOf := map[string][]readSpell{
		"毛泽东": {sixties, seventies}, "周恩来": {sixties, seventies}, "刘少奇": {sixties, seventies},
		marx: {sixties}, quoted: {sixties}, markup: {sixties}, slashed: {seventies},
	}
	if len(g.Nodes) != len(spellsOf) {
		t.Errorf("%d nodes, want %d", len(g.Nodes), len(spellsOf))
	}
	for i, n := range g.Nodes {
		if i > 0 && g.Nodes[i-1].ID >= n.ID {
			t.Errorf("nodes out of order at %s", n.ID)
		}
		want := spellsOf[n.ID]
		if len(n.Spells) != len(want) || n.Spells[0] != want[0] || n.Spells[len(n.Spells)-1] != want[len(want)-1] {
			t.Errorf("%s spells = %v, want %v", n.ID, n.Spells, want)
		}
		if len(n.Values) != 7*len(want) {
			t.Errorf("%s has %d values, want %d", n.ID, len(n.Values), 7*len(want))
		}
	}
	found := false
	for _, e := range g.Edges {
		if e.Source == "周恩来" && e.Target == "毛泽东" { // 周 U+5468 < 毛 U+6BDB
			found = true
			if e.Weight != "2" || len(e.Spells) != 2 || e.Values[0].For != "slice_weight" || e.Values[0].Value != "1" || e.Values[0].Start != "1960-01-01" {
				t.Errorf("周恩来–毛泽东 = %+v", e)
			}
		}
	}
	if !found {
		t.Error("周恩来–毛泽东 missing")
	}
	overlapping := []network.Slice{sl[0], sl[0]}
	if err := WriteGEXFSlices(new(bytes.Buffer), overlapping, GEXFOptions{}); err == nil {
		t.Error("overlapping slices accepted")
	}
}

func TestGraphMLStructure(t *testing.T) {
	net := testNetwork(t)
	var buf bytes.Buffer
	if err := WriteGraphML(&buf, net); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, k := range doc.Keys {
		types[k.ID] = k.For + " " + k.Name + " " + k.Type
	}
	for id, want := range map[string]string{"v_articles": "node articles int", "v_pagerank": "node pagerank double", "e_weight": "edge weight int", "e_g2": "edge g2 double", "e_first_date": "edge first_date string"} {
		if types[id] != want {
			t.Errorf("key %s = %q, want %q", id, types[id], want)
		}
	}
	if doc.Graph.EdgeDefault != "undirected" || len(doc.Graph.Nodes) != len(net.Nodes) || len(doc.Graph.Edges) != len(net.Edges) {
		t.Fatalf("graph: %s, %d nodes, %d edges", doc.Graph.EdgeDefault, len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	for i, e := range doc.Graph.Edges {
		want := net.Edges[i]
		if e.Source != want.Source || e.Target != want.Target || e.Data[0].Key != "e_weight" || e.Data[0].Value != strconv.Itoa(want.Weight) {
			t.Errorf("edge %d = %+v, want %+v", i, e, want)
		}
	}
	if n := doc.Graph.Nodes[0]; n.ID != net.Nodes[0].Person || n.Data[0].Value != net.Nodes[0].Person {
		t.Errorf("node 0 = %+v", n)
	}
}

// TestRows checks the table rows against their columns and the network's values.
func TestRows(t *testing.T) {
	net := testNetwork(t)
	e := &net.Edges[0]
	row := EdgeRow(e)
	if len(row) != len(EdgeColumns()) || row[0] != e.Source || row[2] != e.Weight || row[7] != e.G2 || row[8] != e.FirstDate.String() {
		t.Errorf("EdgeRow = %v for %+v", row, *e)
	}
	n := &net.Nodes[0]
	if row := NodeRow(n); len(row) != len(NodeColumns()) || row[0] != n.Person || row[4] != n.PageRank || row[7] != n.Community {
		t.Errorf("NodeRow = %v for %+v", row, *n)
	}
}

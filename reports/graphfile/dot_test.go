package graphfile

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/simple"
)

// dotGraph receives what gonum's DOT parser (an independent reader) finds.
type dotGraph struct {
	*simple.UndirectedGraph
}

type dotNode struct {
	graph.Node
	name  string
	attrs map[string]string
}

func (n *dotNode) SetDOTID(id string) { n.name = id }
func (n *dotNode) SetAttribute(a encoding.Attribute) error {
	n.attrs[a.Key] = a.Value
	return nil
}

type dotEdge struct {
	graph.Edge
	attrs map[string]string
}

func (e *dotEdge) SetAttribute(a encoding.Attribute) error {
	e.attrs[a.Key] = a.Value
	return nil
}

func (g dotGraph) NewNode() graph.Node {
	return &dotNode{Node: g.UndirectedGraph.NewNode(), attrs: map[string]string{}}
}

func (g dotGraph) NewEdge(from, to graph.Node) graph.Edge {
	return &dotEdge{Edge: g.UndirectedGraph.NewEdge(from, to), attrs: map[string]string{}}
}

// unquoteDOT undoes DOT quoting on what gonum's parser returns: the quotes go and \"
// becomes ", every other backslash staying (the rule of Graphviz's lexer).
func unquoteDOT(s string) string {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return s
	}
	return strings.ReplaceAll(s[1:len(s)-1], `\"`, `"`)
}

func TestDOTGonumParser(t *testing.T) {
	net := testNetwork(t)
	var buf bytes.Buffer
	if err := WriteDOT(&buf, net); err != nil {
		t.Fatal(err)
	}
	g := dotGraph{simple.NewUndirectedGraph()}
	if err := dot.Unmarshal(buf.Bytes(), g); err != nil {
		t.Fatalf("gonum cannot parse the DOT file: %v\n%s", err, buf.String())
	}
	byName := map[string]*dotNode{}
	for _, n := range graph.NodesOf(g.Nodes()) {
		dn := n.(*dotNode)
		byName[unquoteDOT(dn.name)] = dn
	}
	if len(byName) != len(net.Nodes) {
		t.Fatalf("%d nodes, want %d", len(byName), len(net.Nodes))
	}
	for _, want := range net.Nodes {
		n := byName[want.Person]
		if n == nil {
			t.Errorf("node %q missing", want.Person)
			continue
		}
		if unquoteDOT(n.attrs["label"]) != want.Person || unquoteDOT(n.attrs["pagerank"]) != strconv.FormatFloat(want.PageRank, 'g', -1, 64) {
			t.Errorf("node %q attributes %v", want.Person, n.attrs)
		}
	}
	if got := g.Edges().Len(); got != len(net.Edges) {
		t.Errorf("%d edges, want %d", got, len(net.Edges))
	}
	for _, want := range net.Edges {
		e, ok := g.Edge(byName[want.Source].ID(), byName[want.Target].ID()).(*dotEdge)
		if !ok {
			t.Errorf("edge %s–%s missing", want.Source, want.Target)
			continue
		}
		if e.attrs["weight"] != strconv.Itoa(want.Weight) {
			t.Errorf("edge %s–%s weight %s, want %d", want.Source, want.Target, e.attrs["weight"], want.Weight)
		}
	}
}

// TestDOTGraphviz has Graphviz itself read the file (dot -Tjson0) and checks nodes,
// edges and weights.
func TestDOTGraphviz(t *testing.T) {
	dotPath, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz dot not found (apt-get install -y graphviz)")
	}
	net := testNetwork(t)
	var buf bytes.Buffer
	if err := WriteDOT(&buf, net); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dotPath, "-Tjson0")
	cmd.Stdin = &buf
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot: %v", err)
	}
	var doc struct {
		Objects []struct {
			ID       int    `json:"_gvid"`
			Name     string `json:"name"`
			Label    string `json:"label"`
			Articles string `json:"articles"`
		} `json:"objects"`
		Edges []struct {
			Tail   int    `json:"tail"`
			Head   int    `json:"head"`
			Weight string `json:"weight"`
		} `json:"edges"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Objects) != len(net.Nodes) || len(doc.Edges) != len(net.Edges) {
		t.Fatalf("graphviz read %d nodes, %d edges; want %d, %d", len(doc.Objects), len(doc.Edges), len(net.Nodes), len(net.Edges))
	}
	name := map[int]string{}
	for i, o := range doc.Objects {
		name[o.ID] = o.Name
		want := net.Nodes[i]
		if o.Name != want.Person {
			t.Errorf("graphviz node %d = %q, want %q", i, o.Name, want.Person)
		}
		if o.Articles != strconv.Itoa(want.Articles) {
			t.Errorf("graphviz node %q articles %q, want %d", o.Name, o.Articles, want.Articles)
		}
	}
	for i, e := range doc.Edges {
		want := net.Edges[i]
		if e.Weight != strconv.Itoa(want.Weight) {
			t.Errorf("graphviz edge %s–%s weight %q, want %d", name[e.Tail], name[e.Head], e.Weight, want.Weight)
		}
	}
}

// TestQuoteDOT: expected strings follow Graphviz's lexer rule (\" is a quote, any other
// backslash stays); TestDOTGraphviz reads such names back through Graphviz.
func TestQuoteDOT(t *testing.T) {
	for in, want := range map[string]string{
		"毛泽东":      `"毛泽东"`,
		`a"b`:      `"a\"b"`,
		`王\五`:      `"王\五"`,
		`a\"b`:     `"a\\"b"`, // Graphviz reads \ then \" : a\"b again
		`x\`:       `"x＼"`,
		"one\ntwo": `"one\ntwo"`,
	} {
		if got := quoteDOT(in); got != want {
			t.Errorf("quoteDOT(%q) = %s, want %s", in, got, want)
		}
	}
}

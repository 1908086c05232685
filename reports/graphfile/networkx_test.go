package graphfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// systemPython is Debian's interpreter, the one python3-networkx installs for.
const systemPython = "/usr/bin/python3"

// readBackScript reads each file named on the command line with networkx and prints,
// as JSON, the nodes with their attributes and the edges with theirs. networkx 2.8
// (Debian 12) knows GEXF 1.1draft and 1.2draft only; for GEXF 1.3 the script adds
// the 1.3 namespace to networkx's own table of versions and reads with the unchanged
// reader, which is what networkx would do if it listed 1.3. Exit status 3: no networkx.
const readBackScript = `
import json, sys
try:
    import networkx as nx
    from networkx.readwrite import gexf
except ImportError as e:
    print(e, file=sys.stderr)
    sys.exit(3)
gexf.GEXF.versions.setdefault("1.3", {
    "NS_GEXF": "http://gexf.net/1.3",
    "NS_VIZ": "http://gexf.net/1.3/viz",
    "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
    "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    "VERSION": "1.3",
})
out = {}
for arg in sys.argv[1:]:
    kind, path = arg.split("=", 1)
    if kind == "graphml":
        G = nx.read_graphml(path)
    else:
        G = nx.read_gexf(path, version=kind)
    out[kind + ":" + path] = {
        "type": type(G).__name__,
        "nodes": {n: d for n, d in G.nodes(data=True)},
        "edges": [[u, v, d] for u, v, d in G.edges(data=True)],
    }
json.dump(out, sys.stdout, default=list)
`

type readBack struct {
	Type  string
	Nodes map[string]map[string]any
	Edges [][3]any
}

// networkxRead writes files with write, then has networkx read them back.
func networkxRead(t *testing.T, files map[string]func(*bytes.Buffer) error) map[string]readBack {
	t.Helper()
	if _, err := os.Stat(systemPython); err != nil {
		t.Skipf("%s not found: install Debian's python3-networkx to read the files back", systemPython)
	}
	dir := t.TempDir()
	var args []string
	paths := map[string]string{}
	for kind, write := range files {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "net-"+kind)
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, kind+"="+path)
		paths[kind+":"+path] = kind
	}
	cmd := exec.Command(systemPython, append([]string{"-c", readBackScript}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 {
		t.Skipf("networkx missing for %s (apt-get install -y python3-networkx): %s", systemPython, stderr.String())
	}
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	var raw map[string]readBack
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	res := map[string]readBack{}
	for k, v := range raw {
		res[paths[k]] = v
	}
	return res
}

// TestNetworkxReadsStaticFiles: networkx.read_gexf (GEXF 1.3 and 1.2draft) and
// networkx.read_graphml read back the same nodes, edges, weights and measures, exactly
// (floats are written in their shortest exact form, so Python parses the same double).
func TestNetworkxReadsStaticFiles(t *testing.T) {
	net := testNetwork(t)
	res := networkxRead(t, map[string]func(*bytes.Buffer) error{
		"1.3":      func(b *bytes.Buffer) error { return WriteGEXF(b, net, GEXFOptions{}) },
		"1.2draft": func(b *bytes.Buffer) error { return WriteGEXF(b, net, GEXFOptions{Version: GEXF12}) },
		"graphml":  func(b *bytes.Buffer) error { return WriteGraphML(b, net) },
	})
	if len(res) != 3 {
		t.Fatalf("networkx read %d files, want 3", len(res))
	}
	for kind, g := range res {
		if g.Type != "Graph" {
			t.Errorf("%s: networkx made a %s, want an undirected simple Graph", kind, g.Type)
		}
		if len(g.Nodes) != len(net.Nodes) || len(g.Edges) != len(net.Edges) {
			t.Errorf("%s: %d nodes, %d edges; want %d, %d", kind, len(g.Nodes), len(g.Edges), len(net.Nodes), len(net.Edges))
		}
		for _, n := range net.Nodes {
			a, ok := g.Nodes[n.Person]
			if !ok {
				t.Errorf("%s: node %q missing", kind, n.Person)
				continue
			}
			want := map[string]any{
				"label": n.Person, "articles": float64(n.Articles), "degree": float64(n.Degree),
				"weighted_degree": float64(n.WeightedDegree), "pagerank": n.PageRank,
				"betweenness": n.Betweenness, "eigenvector": n.Eigenvector,
				"community": float64(n.Community), "first_date": n.FirstDate.String(),
			}
			for k, v := range want {
				if a[k] != v {
					t.Errorf("%s: node %q %s = %v, want %v", kind, n.Person, k, a[k], v)
				}
			}
		}
		type pair struct{ u, v string }
		read := map[pair]map[string]any{}
		for _, e := range g.Edges {
			u, v := e[0].(string), e[1].(string)
			if u > v {
				u, v = v, u
			}
			read[pair{u, v}] = e[2].(map[string]any)
		}
		for _, e := range net.Edges {
			a, ok := read[pair{e.Source, e.Target}]
			if !ok {
				t.Errorf("%s: edge %s–%s missing", kind, e.Source, e.Target)
				continue
			}
			want := map[string]any{"weight": float64(e.Weight), "pmi": e.PMI, "npmi": e.NPMI, "jaccard": e.Jaccard, "dice": e.Dice, "g2": e.G2, "last_date": e.LastDate.String()}
			for k, v := range want {
				if a[k] != v {
					t.Errorf("%s: edge %s–%s %s = %v, want %v", kind, e.Source, e.Target, k, a[k], v)
				}
			}
		}
	}
}

// TestNetworkxReadsSlices: networkx reads the dynamic GEXF of the decade slices back
// with every node's spells, per-slice attribute values and edge weights.
func TestNetworkxReadsSlices(t *testing.T) {
	sl := testSlices(t)
	res := networkxRead(t, map[string]func(*bytes.Buffer) error{
		"1.3":      func(b *bytes.Buffer) error { return WriteGEXFSlices(b, sl, GEXFOptions{}) },
		"1.2draft": func(b *bytes.Buffer) error { return WriteGEXFSlices(b, sl, GEXFOptions{Version: GEXF12}) },
	})
	for kind, g := range res {
		// Expected from the slices themselves: spells, PageRank per spell, and the
		// summed weight of every pair.
		spells := map[string][]any{}
		pagerank := map[string][]any{}
		type pair struct{ u, v string }
		weights := map[pair]int{}
		for _, s := range sl {
			span := []any{s.Start.String(), s.End.String()}
			for _, n := range s.Network.Nodes {
				spells[n.Person] = append(spells[n.Person], span)
				pagerank[n.Person] = append(pagerank[n.Person], []any{n.PageRank, s.Start.String(), s.End.String()})
			}
			for _, e := range s.Network.Edges {
				weights[pair{e.Source, e.Target}] += e.Weight
			}
		}
		if len(g.Nodes) != len(spells) || len(g.Edges) != len(weights) {
			t.Errorf("%s: %d nodes, %d edges; want %d, %d", kind, len(g.Nodes), len(g.Edges), len(spells), len(weights))
		}
		for person, want := range spells {
			a := g.Nodes[person]
			if got, _ := json.Marshal(a["spells"]); string(got) != mustJSON(t, want) {
				t.Errorf("%s: %q spells = %s, want %s", kind, person, got, mustJSON(t, want))
			}
			if got, _ := json.Marshal(a["pagerank"]); string(got) != mustJSON(t, pagerank[person]) {
				t.Errorf("%s: %q pagerank = %s, want %s", kind, person, got, mustJSON(t, pagerank[person]))
			}
		}
		for _, e := range g.Edges {
			u, v := e[0].(string), e[1].(string)
			if u > v {
				u, v = v, u
			}
			if w := e[2].(map[string]any)["weight"]; w != float64(weights[pair{u, v}]) {
				t.Errorf("%s: edge %s–%s weight %v, want %d", kind, u, v, w, weights[pair{u, v}])
			}
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

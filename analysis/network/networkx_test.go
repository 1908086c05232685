package network

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"testing"
)

// systemPython is Debian's interpreter, the one python3-networkx installs for.
const systemPython = "/usr/bin/python3"

// networkxScript recomputes the network of the docs it reads (JSON on stdin) with an
// independent implementation: counts in Python, G² from scipy's chi2_contingency, node
// measures from networkx (betweenness with exact rational edge lengths 1/w), and the modularity of the partition the Go code found. It
// exits with status 3 when networkx (or scipy) is missing.
const networkxScript = `
import itertools, json, math, sys
from fractions import Fraction
try:
    import networkx as nx
    from scipy.stats import chi2_contingency
except ImportError as e:
    print(e, file=sys.stderr)
    sys.exit(3)

inp = json.load(sys.stdin)
docs = [sorted(set(p for p in d if p)) for d in inp["docs"]]
N = len(docs)
n = {}
w = {}
for d in docs:
    for p in d:
        n[p] = n.get(p, 0) + 1
    for x, y in itertools.combinations(d, 2):
        w[(x, y)] = w.get((x, y), 0) + 1

G = nx.Graph()
G.add_nodes_from(n)
for (x, y), c in w.items():
    # Exact rational lengths: with float 1/w networkx compares path sums exactly and
    # misses ties such as 1/3+1/3+1/3 = 1 (on the twenty-node network it then differs).
    G.add_edge(x, y, weight=c, dist=Fraction(1, c), fdist=1 / c)

edges = []
for (x, y), c in sorted(w.items()):
    nx_, ny_ = n[x], n[y]
    pmi = math.log2(c * N / (nx_ * ny_))
    pxy = c / N
    npmi = 1.0 if pxy == 1 else pmi / -math.log2(pxy)
    table = [[c, nx_ - c], [ny_ - c, N - nx_ - ny_ + c]]
    g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    edges.append([x, y, c, pmi, npmi, c / (nx_ + ny_ - c), 2 * c / (nx_ + ny_), g2])

pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
bc = {p: float(v) for p, v in nx.betweenness_centrality(G, weight="dist", normalized=True).items()}
# networkx as one would call it, float lengths 1/w: for the help's stated difference.
bcf = nx.betweenness_centrality(G, weight="fdist", normalized=True)
ev = nx.eigenvector_centrality(G, weight="weight", tol=1e-14, max_iter=100000)
nodes = {p: [n[p], G.degree(p), G.degree(p, weight="weight"), pr[p], bc[p], ev[p]] for p in G}

groups = {}
for p, c in inp["communities"].items():
    groups.setdefault(c, set()).add(p)
q = nx.algorithms.community.modularity(G, list(groups.values()), weight="weight", resolution=inp["resolution"])
json.dump({"nodes": nodes, "edges": edges, "modularity": q, "version": nx.__version__, "float_betweenness": bcf}, sys.stdout)
`

type networkxResult struct {
	Nodes      map[string][6]float64 // articles, degree, strength, pagerank, betweenness, eigenvector
	Edges      [][8]any              // source, target, w, pmi, npmi, jaccard, dice, g2
	Modularity float64
	Version    string
	// FloatBetweenness is networkx's betweenness with float lengths 1/w, by person.
	FloatBetweenness map[string]float64 `json:"float_betweenness"`
}

// runNetworkx runs networkxScript on docs and the communities of net, skipping the test
// when /usr/bin/python3 or its networkx is missing.
func runNetworkx(t *testing.T, docs []Doc, net *Network, resolution float64) networkxResult {
	t.Helper()
	if _, err := os.Stat(systemPython); err != nil {
		t.Skipf("%s not found: install Debian's python3-networkx to compare with networkx", systemPython)
	}
	in := struct {
		Docs        [][]string     `json:"docs"`
		Communities map[string]int `json:"communities"`
		Resolution  float64        `json:"resolution"`
	}{Communities: map[string]int{}, Resolution: resolution}
	for _, d := range docs {
		in.Docs = append(in.Docs, append([]string{}, d.Persons...))
	}
	for _, nd := range net.Nodes {
		in.Communities[nd.Person] = nd.Community
	}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(systemPython, "-c", networkxScript)
	cmd.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 3 {
		t.Skipf("networkx or scipy missing for %s (apt-get install -y python3-networkx python3-scipy): %s", systemPython, stderr.String())
	}
	if err != nil {
		t.Fatalf("networkx script: %v\n%s", err, stderr.String())
	}
	var res networkxResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// compareWithNetworkx checks every node and edge of net against res.
func compareWithNetworkx(t *testing.T, net *Network, res networkxResult) {
	t.Helper()
	if len(res.Nodes) != len(net.Nodes) {
		t.Errorf("networkx has %d nodes, we have %d", len(res.Nodes), len(net.Nodes))
	}
	for _, nd := range net.Nodes {
		want, ok := res.Nodes[nd.Person]
		if !ok {
			t.Errorf("node %s missing in networkx", nd.Person)
			continue
		}
		got := [6]float64{float64(nd.Articles), float64(nd.Degree), float64(nd.WeightedDegree), nd.PageRank, nd.Betweenness, nd.Eigenvector}
		for i, name := range []string{"articles", "degree", "weighted degree", "PageRank", "betweenness", "eigenvector"} {
			if !near(got[i], want[i], 1e-9) {
				t.Errorf("%s %s = %.12g, networkx %.12g", nd.Person, name, got[i], want[i])
			}
		}
	}
	if len(res.Edges) != len(net.Edges) {
		t.Fatalf("networkx has %d edges, we have %d", len(res.Edges), len(net.Edges))
	}
	// Python sorts str by code point, as Go compares strings: same edge order.
	for i, e := range net.Edges {
		want := res.Edges[i]
		if e.Source != want[0] || e.Target != want[1] {
			t.Errorf("edge %d = %s–%s, networkx %v–%v", i, e.Source, e.Target, want[0], want[1])
			continue
		}
		got := []float64{float64(e.Weight), e.PMI, e.NPMI, e.Jaccard, e.Dice, e.G2}
		for j, name := range []string{"weight", "PMI", "NPMI", "Jaccard", "Dice", "G2"} {
			if w := want[j+2].(float64); !near(got[j], w, 1e-9) {
				t.Errorf("%s–%s %s = %.12g, Python %.12g", e.Source, e.Target, name, got[j], w)
			}
		}
	}
	if !near(net.Modularity, res.Modularity, 1e-12) {
		t.Errorf("modularity = %.15g, networkx gives %.15g for the same partition", net.Modularity, res.Modularity)
	}
}

// TestTwentyNodesNetworkxLive compares every measure of the twenty-node network with
// networkx, run live.
func TestTwentyNodesNetworkxLive(t *testing.T) {
	docs := twentyDocs()
	net, err := Build(docs, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	res := runNetworkx(t, docs, net, 1)
	t.Logf("networkx %s", res.Version)
	compareWithNetworkx(t, net, res)
}

// TestFourArticlesNetworkxLive compares the hand-worked network with networkx.
func TestFourArticlesNetworkxLive(t *testing.T) {
	net, err := Build(fourArticles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	compareWithNetworkx(t, net, runNetworkx(t, fourArticles, net, 1))
}

// TestFloatBetweennessDifference measures how far networkx's betweenness with float edge
// lengths 1/w (as one would call it; it compares float path sums exactly and so misses
// tied paths) is from ours (exact ties, equal to networkx with Fraction lengths), over the
// networks of the tests: the twenty-node network, the hand-worked four articles, the 119
// real articles, and 80 synthetic persons in 1,000 documents (skewed, many weights). The
// largest difference must be within the bound MeasuresHelp states (floatBetweennessBound),
// so that the help's claim is the measured one.
func TestFloatBetweennessDifference(t *testing.T) {
	cases := []struct {
		name string
		docs func() []Doc
		opts Options
	}{
		{"twenty nodes", twentyDocs, Options{Seed: 1}},
		{"four articles", func() []Doc { return fourArticles }, Options{}},
		{"real articles", func() []Doc { return readRealDocs(t) }, Options{Seed: 1}},
		{"synthetic", func() []Doc { return syntheticDocs(1000, 80) }, Options{Seed: 42}},
	}
	largest := 0.0
	for _, c := range cases {
		docs := c.docs()
		net, err := Build(docs, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		res := runNetworkx(t, docs, net, 1)
		diff := 0.0
		for _, nd := range net.Nodes {
			f, ok := res.FloatBetweenness[nd.Person]
			if !ok {
				t.Fatalf("%s: %s missing from networkx", c.name, nd.Person)
			}
			diff = max(diff, math.Abs(nd.Betweenness-f))
		}
		t.Logf("%s: %d nodes, %d edges: largest difference from networkx with float lengths %.6g", c.name, len(net.Nodes), len(net.Edges), diff)
		largest = max(largest, diff)
	}
	if largest > floatBetweennessBound {
		t.Errorf("networkx with float lengths differs by up to %.3g; the help states %g", largest, floatBetweennessBound)
	}
}

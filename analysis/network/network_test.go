package network

import (
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
)

// twentyNetworkx holds PageRank, betweenness and eigenvector centrality of the
// twenty-node network, printed by networkx 2.8.8 (Debian python3-networkx) from the
// graph of twentyDocs (the generator rule rewritten in Python, edge attributes
// weight=w and dist=Fraction(1, w)):
//
//	nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-14, max_iter=100000)
//	nx.betweenness_centrality(G, weight="dist", normalized=True)
//	nx.eigenvector_centrality(G, weight="weight", tol=1e-14, max_iter=100000)
var twentyNetworkx = map[string][3]float64{
	"万里":  {0.05684652461967666, 0.13352826510721247, 0.20329246466295534},
	"乔石":  {0.05684652461967667, 0.13352826510721247, 0.20329246466295528},
	"刘华清": {0.05411853759597597, 0.044249512670565296, 0.24986720845322247},
	"刘少奇": {0.054095287598662445, 0.08586744639376218, 0.2563851805305262},
	"周恩来": {0.02923874172554048, 0.0, 0.09666117265769783},
	"尉健行": {0.04115156034141144, 0.0009746588693957114, 0.15878577412596792},
	"张万年": {0.05460653194674692, 0.09610136452241715, 0.24663578682788687},
	"彭真":  {0.054291915897971506, 0.043567251461988296, 0.24926199224083662},
	"朱德":  {0.04115156034141144, 0.0009746588693957114, 0.15878577412596792},
	"朱镕基": {0.05409528759866244, 0.08586744639376216, 0.2563851805305262},
	"李岚清": {0.05369594890188233, 0.08869395711500974, 0.26323099436842756},
	"李瑞环": {0.02923874172554048, 0.0, 0.09666117265769782},
	"李鹏":  {0.046870187800279614, 0.03060428849902534, 0.2215926450256722},
	"杨尚昆": {0.04687018780027962, 0.03060428849902534, 0.2215926450256722},
	"毛泽东": {0.055084763571852706, 0.03771929824561403, 0.23365418452339723},
	"江泽民": {0.05411853759597597, 0.044249512670565296, 0.24986720845322247},
	"胡锦涛": {0.055084763571852706, 0.037719298245614034, 0.23365418452339723},
	"迟浩田": {0.054291915897971506, 0.04356725146198829, 0.24926199224083662},
	"邓小平": {0.054606531946746924, 0.09610136452241713, 0.24663578682788687},
	"陈毅":  {0.05369594890188233, 0.08869395711500974, 0.2632309943684275},
}

func TestTwentyNodesNetworkxPasted(t *testing.T) {
	net, err := Build(twentyDocs(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(net.Nodes) != len(twentyNetworkx) {
		t.Fatalf("%d nodes, want %d", len(net.Nodes), len(twentyNetworkx))
	}
	for _, n := range net.Nodes {
		want := twentyNetworkx[n.Person]
		got := [3]float64{n.PageRank, n.Betweenness, n.Eigenvector}
		for i, name := range []string{"PageRank", "betweenness", "eigenvector"} {
			if !near(got[i], want[i], 1e-10) {
				t.Errorf("%s %s = %.15g, networkx %.15g", n.Person, name, got[i], want[i])
			}
		}
	}
	if !net.Converged {
		t.Error("not converged")
	}
}

// TestTwentyNodesGonum checks PageRank and betweenness against gonum's own
// implementations, which work differently: network.PageRankSparse on the graph made
// directed both ways (random start vector), and network.BetweennessWeighted, which
// enumerates every shortest path found by path.DijkstraAllPaths on lengths 1/w.
// gonum compares float path lengths exactly, so betweenness is compared on the network
// of the first 20 articles, whose weights are 1 and 2: lengths 1 and 1/2 add exactly.
// (On all 60 articles weights of 3 make sums like 1/3+1/3+1/3 inexact, and gonum, like
// networkx with float lengths, misses those ties: see betweenness.)
func TestTwentyNodesGonum(t *testing.T) {
	for _, docs := range [][]Doc{twentyDocs(), twentyDocs()[:20]} {
		net, err := Build(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		directed := simple.NewWeightedDirectedGraph(0, 0)
		lengths := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
		exact := true
		for i := range net.Nodes {
			directed.AddNode(simple.Node(int64(i)))
			lengths.AddNode(simple.Node(int64(i)))
		}
		for i, e := range net.Edges {
			u, v := net.EdgeIndexes(i)
			w := float64(e.Weight)
			exact = exact && e.Weight <= 2
			directed.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(u)), T: simple.Node(int64(v)), W: w})
			directed.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(v)), T: simple.Node(int64(u)), W: w})
			lengths.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(int64(u)), T: simple.Node(int64(v)), W: 1 / w})
		}
		pr := network.PageRankSparse(directed, Damping, 1e-13)
		var bc map[int64]float64
		if exact {
			bc = network.BetweennessWeighted(lengths, path.DijkstraAllPaths(lengths))
		}
		n := float64(len(net.Nodes))
		for i, nd := range net.Nodes {
			if !near(nd.PageRank, pr[int64(i)], 1e-9) {
				t.Errorf("%d articles: %s PageRank = %.12g, gonum %.12g", len(docs), nd.Person, nd.PageRank, pr[int64(i)])
			}
			if !exact {
				continue
			}
			// gonum sums over ordered pairs (s, t) without normalising.
			if want := bc[int64(i)] / ((n - 1) * (n - 2)); !near(nd.Betweenness, want, 1e-12) {
				t.Errorf("%d articles: %s betweenness = %.12g, gonum %.12g", len(docs), nd.Person, nd.Betweenness, want)
			}
		}
		if len(docs) == 20 && !exact {
			t.Error("the first 20 articles should give weights 1 and 2 only")
		}
	}
}

// TestBetweennessPath checks weighted betweenness by hand (n = 4, so the normaliser is
// 2/((4−1)(4−2)) = 1/3 per unordered pair):
//   - path a–b–c–d, weights 1, 2, 1: b lies on a–c and a–d, c on a–d and b–d, so
//     C_B(b) = C_B(c) = 2/3;
//   - with a chord a–c of weight 1 (length 1 < 1 + 1/2 via b): b lies on no shortest
//     path, c still on a–d (a–c–d, 2 < 2.5) and b–d: C_B(b) = 0, C_B(c) = 2/3;
//   - square a–b–c–d–a, all weights 2: a–c has two shortest paths (1/2 + 1/2 each), via
//     b and via d, each carrying half; so C_B(v) = (1/2)/3 = 1/6 for every v.
func TestBetweennessPath(t *testing.T) {
	docs := []Doc{{Persons: []string{"a", "b"}}, {Persons: []string{"b", "c"}}, {Persons: []string{"b", "c"}}, {Persons: []string{"c", "d"}}}
	check := func(docs []Doc, want map[string]float64) {
		t.Helper()
		net, err := Build(docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range net.Nodes {
			if !near(n.Betweenness, want[n.Person], 1e-12) {
				t.Errorf("betweenness %s = %g, want %g", n.Person, n.Betweenness, want[n.Person])
			}
		}
	}
	check(docs, map[string]float64{"a": 0, "b": 2.0 / 3, "c": 2.0 / 3, "d": 0})
	check(append(docs, Doc{Persons: []string{"a", "c"}}), map[string]float64{"a": 0, "b": 0, "c": 2.0 / 3, "d": 0})
	square := []Doc{}
	for _, p := range [][]string{{"a", "b"}, {"b", "c"}, {"c", "d"}, {"d", "a"}} {
		square = append(square, Doc{Persons: p}, Doc{Persons: p})
	}
	check(square, map[string]float64{"a": 1.0 / 6, "b": 1.0 / 6, "c": 1.0 / 6, "d": 1.0 / 6})
}

// TestLouvainTwoCliques: two 4-cliques of weight-3 edges joined by one weight-1 edge
// must split into the two cliques. Both have 4 members, so community 0 is the one with
// the smaller smallest name (a1 < b1).
func TestLouvainTwoCliques(t *testing.T) {
	var docs []Doc
	for _, c := range []string{"b", "a"} {
		for i := 1; i <= 4; i++ {
			for j := i + 1; j <= 4; j++ {
				p := []string{fmt.Sprint(c, i), fmt.Sprint(c, j)}
				docs = append(docs, Doc{Persons: p}, Doc{Persons: p}, Doc{Persons: p})
			}
		}
	}
	docs = append(docs, Doc{Persons: []string{"a4", "b1"}})
	for seed := range uint64(5) {
		net, err := Build(docs, Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range net.Nodes {
			want := 0
			if n.Person[0] == 'b' {
				want = 1
			}
			if n.Community != want {
				t.Errorf("seed %d: %s in community %d, want %d", seed, n.Person, n.Community, want)
			}
		}
		// Q by hand: 2m = 2·(12·3 + 1) = 74; each clique has internal weight 2·18 = 36 in
		// the sum over ij, strengths 9,9,9,10 (sum 37) in both: Q = 2·(36 − 37²/74)/74.
		if want := 2 * (36 - 37.0*37/74) / 74; !near(net.Modularity, want, 1e-12) {
			t.Errorf("seed %d: Q = %.15g, want %.15g", seed, net.Modularity, want)
		}
	}
}

// TestDeterministic builds the twenty-node network repeatedly, with one core and with
// all, and wants identical values each time (map order is random on every run).
func TestDeterministic(t *testing.T) {
	docs := twentyDocs()
	build := func() *Network {
		net, err := Build(docs, Options{Seed: 42, Top: 300})
		if err != nil {
			t.Fatal(err)
		}
		net.graph = nil
		return net
	}
	first := build()
	prev := runtime.GOMAXPROCS(1)
	single := build()
	runtime.GOMAXPROCS(prev)
	if !reflect.DeepEqual(first, single) {
		t.Error("one core and many cores differ")
	}
	for range 20 {
		if !reflect.DeepEqual(first, build()) {
			t.Fatal("two builds differ")
		}
	}
	// A larger network (300 persons, several thousand edges), where the Louvain
	// levels and the betweenness blocks are many.
	docs = syntheticDocs(20000, 2000)
	first = build()
	if len(first.Nodes) < 300 {
		t.Fatalf("%d nodes", len(first.Nodes))
	}
	if !reflect.DeepEqual(first, build()) {
		t.Error("two builds of the synthetic network differ")
	}
	// Options.Workers: 1 and 5 goroutines give the same network (the betweenness blocks
	// depend on n only), and GOMAXPROCS is left alone.
	for _, workers := range []int{1, 5} {
		net, err := Build(docs, Options{Seed: 42, Top: 300, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		net.graph = nil
		if !reflect.DeepEqual(first, net) {
			t.Errorf("Workers %d: the network differs", workers)
		}
		if runtime.GOMAXPROCS(0) != prev {
			t.Errorf("Workers %d changed GOMAXPROCS", workers)
		}
	}
	if _, err := Build(docs, Options{Workers: -1}); err == nil {
		t.Error("Workers -1 accepted")
	}
}

// TestOptions checks Top and MinWeight on fourArticles (n_甲 = 3, n_乙 = n_丙 = 2).
func TestOptions(t *testing.T) {
	// Top 2: 甲 (3 articles), then 乙 and 丙 tie at 2 and 丙 < 乙 by code point.
	net, err := Build(fourArticles, Options{Top: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := persons(net); !slices.Equal(got, []string{"丙", "甲"}) {
		t.Errorf("Top 2 nodes = %v, want [丙 甲]", got)
	}
	if len(net.Edges) != 1 || net.Edges[0].Source != "丙" || net.Edges[0].Target != "甲" || net.Edges[0].Weight != 1 {
		t.Errorf("Top 2 edges = %+v, want 丙–甲 1", net.Edges)
	}
	// MinWeight 2 keeps only 乙–甲 (2 articles); 丙 stays, isolated.
	net, err = Build(fourArticles, Options{MinWeight: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(net.Nodes) != 3 || len(net.Edges) != 1 || net.Edges[0].Weight != 2 {
		t.Fatalf("MinWeight 2: %d nodes, edges %+v", len(net.Nodes), net.Edges)
	}
	// 丙 isolated: degree 0, eigenvector 0 (decays), PageRank by hand: the dangling
	// node spreads evenly. With x = PR(丙), y = PR(乙) = PR(甲):
	// x = 0.05 + 0.85·x/3, so x = 0.05/(1 − 0.85/3) = 3/43; y = (1 − x)/2 = 20/43.
	c := net.Nodes[0]
	if c.Degree != 0 || c.WeightedDegree != 0 || c.Eigenvector > 1e-12 || !near(c.PageRank, 3.0/43, 1e-10) || !near(net.Nodes[1].PageRank, 20.0/43, 1e-10) {
		t.Errorf("isolated 丙 = %+v, 乙 = %+v", c, net.Nodes[1])
	}
	if _, err := Build(nil, Options{Top: -1}); err == nil {
		t.Error("Top -1 accepted")
	}
}

func persons(net *Network) []string {
	var out []string
	for _, n := range net.Nodes {
		out = append(out, n.Person)
	}
	return out
}

// TestAddDuplicatesAndDates: a person named twice in one article counts once, empty
// names are ignored, undated articles count in N but not in date ranges.
func TestAddDuplicatesAndDates(t *testing.T) {
	d := func(y, m, day int) corpus.Date { return corpus.Date{Year: y, Month: time.Month(m), Day: day} }
	docs := []Doc{
		{Date: d(1962, 10, 29), Persons: []string{"赫鲁晓夫", "肯尼迪", "赫鲁晓夫", ""}},
		{Date: d(1959, 10, 2), Persons: []string{"肯尼迪", "赫鲁晓夫"}},
		{Persons: []string{"赫鲁晓夫", "肯尼迪"}},
		{Date: d(1960, 1, 1)},
	}
	net, err := Build(docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if net.Articles != 4 || len(net.Nodes) != 2 || len(net.Edges) != 1 {
		t.Fatalf("N = %d, %d nodes, %d edges; want 4, 2, 1", net.Articles, len(net.Nodes), len(net.Edges))
	}
	e := net.Edges[0]
	// 肯 U+80AF < 赫 U+8D6B.
	if e.Source != "肯尼迪" || e.Weight != 3 || e.FirstDate != d(1959, 10, 2) || e.LastDate != d(1962, 10, 29) {
		t.Errorf("edge = %+v, want 肯尼迪–赫鲁晓夫 3, 1959-10-02..1962-10-29", e)
	}
	if n := net.Nodes[1]; n.Person != "赫鲁晓夫" || n.Articles != 3 {
		t.Errorf("node = %+v, want 赫鲁晓夫 in 3 articles", n)
	}
}

func TestSlices(t *testing.T) {
	d := func(y int) corpus.Date { return corpus.Date{Year: y, Month: time.March, Day: 1} }
	docs := []Doc{
		{Date: d(1971), Persons: []string{"甲", "乙"}},
		{Date: d(1962), Persons: []string{"甲", "乙"}},
		{Date: d(1965), Persons: []string{"甲", "丙"}},
		{Date: d(1962), Persons: []string{"乙"}},
		{Persons: []string{"甲", "乙"}},
	}
	byDecade, undated, err := BuildSlices(docs, ByDecade, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if undated != 1 || len(byDecade) != 2 {
		t.Fatalf("undated %d, %d slices; want 1, 2", undated, len(byDecade))
	}
	s := byDecade[0]
	// 1960s: 3 articles; 甲–乙 1, 甲–丙 1.
	if s.Label != "1960s" || s.Start.String() != "1960-01-01" || s.End.String() != "1969-12-31" || s.Network.Articles != 3 || len(s.Network.Edges) != 2 {
		t.Errorf("first decade = %s %s..%s, %d articles, %d edges", s.Label, s.Start, s.End, s.Network.Articles, len(s.Network.Edges))
	}
	byYear, _, err := BuildSlices(docs, ByYear, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, s := range byYear {
		labels = append(labels, s.Label)
	}
	if !slices.Equal(labels, []string{"1962", "1965", "1971"}) {
		t.Errorf("years = %v", labels)
	}
	// 1962: N = 2, n_甲 = 1, n_乙 = 2, w = 1: PMI = log2(1·2/(1·2)) = 0.
	if e := byYear[0].Network.Edges[0]; e.Weight != 1 || e.PMI != 0 {
		t.Errorf("1962 edge = %+v", e)
	}
	if _, err := ParseSliceBy("fortnight"); err == nil {
		t.Error("fortnight accepted")
	}
	for _, by := range []string{"day", "week", "month", "quarter", "year", "decade", "paper"} {
		if got, err := ParseSliceBy(by); err != nil || got.String() != by {
			t.Errorf("ParseSliceBy(%q) = %v, %v", by, got, err)
		}
	}
}

func TestGraph(t *testing.T) {
	net, err := Build(fourArticles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := net.Graph()
	i, j := int64(net.NodeIndex("乙")), int64(net.NodeIndex("甲"))
	if w, ok := g.Weight(i, j); !ok || w != 2 {
		t.Errorf("graph weight 乙–甲 = %g, %v; want 2", w, ok)
	}
	if g.Nodes().Len() != 3 || g.Edges().Len() != 3 || net.NodeIndex("丁") != -1 {
		t.Error("graph does not match the network")
	}
}

// TestDegenerate: no articles, and articles naming one person each (no edges).
func TestDegenerate(t *testing.T) {
	net, err := Build(nil, Options{})
	if err != nil || len(net.Nodes) != 0 || len(net.Edges) != 0 || net.Articles != 0 {
		t.Fatalf("empty: %+v, %v", net, err)
	}
	net, err = Build([]Doc{{Persons: []string{"甲"}}, {Persons: []string{"乙"}}, {Persons: []string{"乙"}}, {}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// No edges: PageRank 1/n (all dangling), eigenvector 1/√n (A+I = I leaves the
	// normalised start vector), each person its own community, numbered by name as
	// sizes tie (乙 U+4E59 < 甲 U+7532), Q = 0.
	for i, n := range net.Nodes {
		if n.Degree != 0 || !near(n.PageRank, 0.5, 1e-12) || !near(n.Eigenvector, 1/math.Sqrt(2), 1e-12) || n.Community != i {
			t.Errorf("node %+v", n)
		}
	}
	if net.Modularity != 0 || !net.Converged || net.Nodes[0].Person != "乙" || net.Nodes[0].Articles != 2 {
		t.Errorf("network %+v", net)
	}
}

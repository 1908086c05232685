package network

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// fourArticles is the hand-worked example of the measures:
//
//	A1 names 甲 乙, A2 names 甲 乙 丙, A3 names 甲, A4 names 丙.
//
// N = 4, n_甲 = 3, n_乙 = 2, n_丙 = 2; w(甲,乙) = 2, w(甲,丙) = 1, w(乙,丙) = 1.
var fourArticles = []Doc{
	{ID: "A1", Persons: []string{"甲", "乙"}},
	{ID: "A2", Persons: []string{"甲", "乙", "丙"}},
	{ID: "A3", Persons: []string{"甲"}},
	{ID: "A4", Persons: []string{"丙"}},
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestEdgeMeasuresHandWorked checks every edge measure against arithmetic done by hand on
// fourArticles.
func TestEdgeMeasuresHandWorked(t *testing.T) {
	ln := math.Log
	tests := []struct {
		w, nx, ny, n                 int
		pmi, npmi, jaccard, dice, g2 float64
	}{
		// 甲–乙: PMI = log2(2·4/(3·2)) = log2(4/3); −log2(2/4) = 1 so NPMI = PMI;
		// J = 2/(3+2−2) = 2/3; D = 4/5.
		// Table O = [[2,1],[0,1]], rows 3,1, cols 2,2, E = [[1.5,1.5],[0.5,0.5]]:
		// G² = 2[2 ln(2/1.5) + 1 ln(1/1.5) + 0 + 1 ln(1/0.5)] = 2(6 ln2 − 3 ln3) = 6 ln(4/3).
		{2, 3, 2, 4, math.Log2(4.0 / 3), math.Log2(4.0 / 3), 2.0 / 3, 0.8, 6 * ln(4.0/3)},
		// 甲–丙: PMI = log2(1·4/(3·2)) = log2(2/3); NPMI = log2(2/3)/−log2(1/4) = log2(2/3)/2;
		// J = 1/(3+2−1) = 1/4; D = 2/5.
		// O = [[1,2],[1,0]], same E: G² = 2[ln(1/1.5) + 2 ln(2/1.5) + ln(1/0.5)] = 6 ln(4/3).
		{1, 3, 2, 4, math.Log2(2.0 / 3), math.Log2(2.0/3) / 2, 0.25, 0.4, 6 * ln(4.0/3)},
		// 乙–丙: PMI = log2(1·4/(2·2)) = 0 = NPMI; J = 1/3; D = 2/4;
		// O = [[1,1],[1,1]] = E, so G² = 0.
		{1, 2, 2, 4, 0, 0, 1.0 / 3, 0.5, 0},
		// One article naming both: p(x,y) = 1, PMI = log2(1) = 0, NPMI defined as 1;
		// O = [[1,0],[0,0]] = E, G² = 0.
		{1, 1, 1, 1, 0, 1, 1, 1, 0},
	}
	for _, tc := range tests {
		got := [5]float64{PMI(tc.w, tc.nx, tc.ny, tc.n), NPMI(tc.w, tc.nx, tc.ny, tc.n), Jaccard(tc.w, tc.nx, tc.ny), Dice(tc.w, tc.nx, tc.ny), G2(tc.w, tc.nx, tc.ny, tc.n)}
		want := [5]float64{tc.pmi, tc.npmi, tc.jaccard, tc.dice, tc.g2}
		for i, name := range []string{"PMI", "NPMI", "Jaccard", "Dice", "G2"} {
			if !near(got[i], want[i], 1e-12) {
				t.Errorf("%s(w=%d, nx=%d, ny=%d, N=%d) = %.15g, want %.15g", name, tc.w, tc.nx, tc.ny, tc.n, got[i], want[i])
			}
		}
	}
}

// TestG2Scipy checks G² on a larger table (w = 110, n_x = 2552, n_y = 221, N = 31777,
// so O = [[110, 2442], [111, 29114]]) against an independent implementation:
// /usr/bin/python3 -c 'from scipy.stats import chi2_contingency;
// print(repr(chi2_contingency([[110, 2442], [111, 29114]], correction=False,
// lambda_="log-likelihood")[0]))' printed 270.721876936225.
func TestG2Scipy(t *testing.T) {
	const g2Scipy = 270.721876936225
	got := G2(110, 2552, 221, 31777)
	if !near(got, g2Scipy, 1e-9) {
		t.Errorf("G2 = %.12g, want %.12g", got, g2Scipy)
	}
}

// TestNetworkHandWorked checks the network of fourArticles: nodes, edges and node
// measures worked by hand.
func TestNetworkHandWorked(t *testing.T) {
	net, err := Build(fourArticles, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if net.Articles != 4 {
		t.Errorf("Articles = %d, want 4", net.Articles)
	}
	// Code points: 丙 U+4E19 < 乙 U+4E59 < 甲 U+7532.
	wantNodes := []string{"丙", "乙", "甲"}
	if len(net.Nodes) != 3 {
		t.Fatalf("%d nodes, want 3", len(net.Nodes))
	}
	for i, p := range wantNodes {
		if net.Nodes[i].Person != p {
			t.Errorf("node %d = %s, want %s", i, net.Nodes[i].Person, p)
		}
	}
	wantEdges := [][3]any{{"丙", "乙", 1}, {"丙", "甲", 1}, {"乙", "甲", 2}}
	if len(net.Edges) != 3 {
		t.Fatalf("%d edges, want 3", len(net.Edges))
	}
	for i, w := range wantEdges {
		e := net.Edges[i]
		if e.Source != w[0] || e.Target != w[1] || e.Weight != w[2] {
			t.Errorf("edge %d = %s–%s %d, want %v", i, e.Source, e.Target, e.Weight, w)
		}
	}
	if e := net.Edges[1]; !near(e.PMI, math.Log2(2.0/3), 1e-12) || !near(e.G2, 6*math.Log(4.0/3), 1e-12) {
		t.Errorf("丙–甲 PMI %g G2 %g, want log2(2/3) and 6 ln(4/3)", e.PMI, e.G2)
	}

	// Triangle 丙–乙 1, 丙–甲 1, 乙–甲 2.
	// PageRank: by symmetry PR(乙) = PR(甲) = a, PR(丙) = c = 1 − 2a, and
	// a = 0.15/3 + 0.85(a·2/3 + c·1/2) gives a = 57/154, c = 20/77.
	// Eigenvector: with x(乙) = x(甲) = a, x(丙) = c: λc = 2a, λa = c + 2a, so
	// λ² − 2λ − 2 = 0, λ = 1 + √3, c = (√3 − 1)a and 2a² + c² = 1 gives a = 1/√(6 − 2√3).
	// Betweenness: every shortest path (lengths 1, 1, 1/2) is the direct edge: 0.
	a := 1 / math.Sqrt(6-2*math.Sqrt(3))
	want := []struct {
		deg, wdeg int
		pr, ev    float64
	}{
		{2, 2, 20.0 / 77, (math.Sqrt(3) - 1) * a},
		{2, 3, 57.0 / 154, a},
		{2, 3, 57.0 / 154, a},
	}
	for i, w := range want {
		n := net.Nodes[i]
		if n.Degree != w.deg || n.WeightedDegree != w.wdeg || !near(n.PageRank, w.pr, 1e-10) || !near(n.Eigenvector, w.ev, 1e-10) || n.Betweenness != 0 {
			t.Errorf("node %s = %+v, want degree %d, weighted %d, PageRank %.12g, eigenvector %.12g, betweenness 0",
				n.Person, n, w.deg, w.wdeg, w.pr, w.ev)
		}
	}
	if !net.Converged {
		t.Error("not converged")
	}
}

// TestMeasuresHelpWidth keeps the help text within 90 columns.
func TestMeasuresHelpWidth(t *testing.T) {
	for i, line := range strings.Split(MeasuresHelp, "\n") {
		if n := utf8.RuneCountInString(line); n > 90 {
			t.Errorf("line %d has %d characters: %s", i+1, n, line)
		}
	}
}

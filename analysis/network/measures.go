package network

import "math"

// PMI returns the pointwise mutual information of persons x and y, in bits (base-2
// logarithm), from N articles, n_x and n_y of which name x and y, w both:
//
//	PMI = log2( p(x,y) / (p(x) p(y)) ) = log2( w·N / (n_x·n_y) )
//
// with probabilities the relative frequencies over articles, p(x) = n_x/N and
// p(x,y) = w/N. All the edge measures expect 0 < w ≤ min(n_x, n_y) and
// n_x + n_y − w ≤ N, which counting articles guarantees.
//
// Church & Hanks (1990), "Word association norms, mutual information, and lexicography",
// Computational Linguistics 16(1):22–29. Positive when x and y share more articles than
// independence predicts, negative when fewer. It favours rare pairs: two persons named once,
// in the same article, get the maximum log2(N).
func PMI(w, nx, ny, n int) float64 {
	return math.Log2(float64(w) * float64(n) / (float64(nx) * float64(ny)))
}

// NPMI returns the normalised pointwise mutual information of x and y:
//
//	NPMI = PMI / −log2 p(x,y) = log2( w·N / (n_x·n_y) ) / −log2( w/N )
//
// Bouma (2009), "Normalized (pointwise) mutual information in collocation extraction",
// Proceedings of GSCL 2009, 31–40. It lies in [−1, 1]: 1 when x and y only ever occur
// together, 0 under independence. When p(x,y) = 1 (both named in every article) the
// quotient is 0/0; NPMI is then 1, its limit for complete co-occurrence (Bouma, §2.2).
func NPMI(w, nx, ny, n int) float64 {
	h := -math.Log2(float64(w) / float64(n))
	if h == 0 {
		return 1
	}
	return PMI(w, nx, ny, n) / h
}

// Jaccard returns the Jaccard coefficient of the article sets of x and y:
//
//	J = |A_x ∩ A_y| / |A_x ∪ A_y| = w / (n_x + n_y − w)
//
// Jaccard (1912), "The distribution of the flora in the alpine zone", New Phytologist
// 11(2):37–50. It lies in (0, 1] for an edge.
func Jaccard(w, nx, ny int) float64 {
	return float64(w) / float64(nx+ny-w)
}

// Dice returns the Dice (Sørensen–Dice) coefficient of the article sets of x and y:
//
//	D = 2|A_x ∩ A_y| / (|A_x| + |A_y|) = 2w / (n_x + n_y)
//
// Dice (1945), "Measures of the amount of ecologic association between species", Ecology
// 26(3):297–302. D = 2J/(1+J), so it ranks pairs as Jaccard does.
func Dice(w, nx, ny int) float64 {
	return 2 * float64(w) / float64(nx+ny)
}

// G2 returns the log-likelihood ratio statistic of the 2×2 contingency table of articles
// naming x and y, in the four-cell form, with natural logarithms:
//
//	              names y      does not name y
//	names x       w            n_x − w
//	not x         n_y − w      N − n_x − n_y + w
//
//	G² = 2 Σ_ij O_ij ln( O_ij / E_ij ),   E_ij = R_i·C_j / N,
//
// where O_ij are the four observed cells, R_i and C_j the row and column totals
// (R_1 = n_x, C_1 = n_y) and a cell with O_ij = 0 contributes 0 (its limit).
// Dunning (1993), "Accurate methods for the statistics of surprise and coincidence",
// Computational Linguistics 19(1):61–74. Asymptotically χ² with 1 degree of freedom under
// independence (3.84 is p = 0.05). G² is unsigned: it is large for pairs that co-occur
// much less than expected as well as much more; the sign of PMI tells which.
func G2(w, nx, ny, n int) float64 {
	o11 := float64(w)
	o12 := float64(nx - w)
	o21 := float64(ny - w)
	o22 := float64(n - nx - ny + w)
	r1, r2 := float64(nx), float64(n-nx)
	c1, c2 := float64(ny), float64(n-ny)
	fn := float64(n)
	g := llTerm(o11, r1*c1/fn) + llTerm(o12, r1*c2/fn) + llTerm(o21, r2*c1/fn) + llTerm(o22, r2*c2/fn)
	g *= 2
	if g < 0 { // rounding when O = E in every cell
		return 0
	}
	return g
}

// llTerm is O·ln(O/E), 0 when O is 0.
func llTerm(o, e float64) float64 {
	if o == 0 {
		return 0
	}
	return o * math.Log(o/e)
}

// MeasuresHelp describes every measure with its formula and source, for a command's
// --help (plain text, lines under 90 columns).
const MeasuresHelp = `Nodes are persons; an edge joins two persons named in the same article, its
weight w the number of such articles. N = articles read, n_x = articles naming x.

Edge measures (p from article counts: p(x) = n_x/N, p(x,y) = w/N):
  pmi       log2( w·N / (n_x·n_y) ), in bits              Church & Hanks 1990
  npmi      pmi / −log2(w/N), in [−1, 1]; 1 if w = N      Bouma 2009
  jaccard   w / (n_x + n_y − w)                           Jaccard 1912
  dice      2w / (n_x + n_y)                              Dice 1945
  g2        2 Σ O·ln(O/E) over the 2×2 table of articles  Dunning 1993
            naming x or not × y or not, E = row·col/N (natural log, unsigned)

Node measures (on the network left after --top and --min-weight):
  articles         n_x
  degree           number of edges
  weighted_degree  sum of edge weights (strength)
  pagerank         weighted PageRank, damping 0.85, stops when the L1 change
                   < 1e-12·nodes; sums to 1                Brin & Page 1998
  betweenness      weighted, edge length 1/w, normalised by 2/((n−1)(n−2))
                                                           Brandes 2001; Newman 2001
  eigenvector      principal eigenvector of the weighted adjacency matrix,
                   unit length, power iteration on A+I     Bonacich 1972
  community        Louvain (gonum community.Modularize), seeded; numbered by
                   size, largest first                     Blondel et al. 2008
PageRank and eigenvector equal networkx's pagerank and
eigenvector_centrality(weight="weight"); betweenness equals networkx's
betweenness_centrality(weight=1/w) computed with exact lengths (fractions.Fraction).
With float lengths networkx misses tied paths (1/2+1/3+1/6 ≠ 1) and then differs: by up
to 4.8e-3 on the networks of the tests (networkx 2.8.8), with no bound in general.`

// floatBetweennessBound is the largest difference MeasuresHelp states between our
// betweenness and networkx's with float lengths on the networks of the tests
// (TestFloatBetweennessDifference measured 4.77583e-3, on the twenty-node network).
const floatBetweennessBound = 4.8e-3

// Package network builds the person co-occurrence network of a set of articles: an
// undirected weighted graph whose nodes are persons and whose edge weight w is the number
// of articles naming both persons. It returns plain values (Nodes and Edges sorted by
// name) and the same network as a gonum graph; it never prints.
//
// Articles are counted one at a time (Builder.Add), so a corpus need not fit in memory;
// memory grows with the number of persons and of pairs. N, the number of articles counted,
// is the denominator of every probability.
//
// Edge measures, from the 2×2 table of articles naming x and/or y (see PMI):
//
//	PMI     = log2( w·N / (n_x·n_y) )                  Church & Hanks 1990
//	NPMI    = PMI / −log2(w/N)                         Bouma 2009
//	Jaccard = w / (n_x + n_y − w)                      Jaccard 1912
//	Dice    = 2w / (n_x + n_y)                         Dice 1945
//	G²      = 2 Σ O_ij ln(O_ij/E_ij), four cells       Dunning 1993
//
// Node measures, on the network left after Options.Top and Options.MinWeight:
//
//	articles         n_x, articles naming the person
//	degree           number of edges
//	weighted degree  sum of edge weights (strength)
//	PageRank         weighted, α = 0.85, tolerance 1e-12·n (L1)   Brin & Page 1998
//	betweenness      weighted, edge length 1/w, normalised by 2/((n−1)(n−2))   Brandes 2001
//	eigenvector      weighted, power iteration on A+I, unit Euclidean norm    Bonacich 1972
//	community        Louvain (gonum community.Modularize), seeded             Blondel et al. 2008
//
// Each function and method documents its formula and source. The iterative measures are
// the ones networkx computes (pagerank, betweenness_centrality with weight 1/w,
// eigenvector_centrality), which the tests check.
//
// Output is deterministic: nodes, edges and every float sum follow name order, randomness
// is seeded, and parallel work is split independently of the number of cores.
package network

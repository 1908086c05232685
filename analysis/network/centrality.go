package network

import (
	"math"
	"sync"
)

// Parameters of the iterative node measures.
const (
	// Damping is the PageRank damping factor α (Brin & Page 1998).
	Damping = 0.85
	// Tolerance stops PageRank and the eigenvector iteration when the L1 norm of the
	// change of the vector over one iteration falls below Tolerance·n (n nodes): the rule
	// of networkx, with a tolerance a million times tighter than its default 1e-6.
	Tolerance = 1e-12
	// MaxIterations bounds both iterations; see Network.Converged.
	MaxIterations = 10000
	// tieTolerance is the relative difference under which two weighted path lengths
	// are the same length: sums of 1/w in a different order may differ in the last bit.
	tieTolerance = 1e-12
)

// adjacency is the network in compressed sparse row form: the neighbours of node i are
// nbr[off[i]:off[i+1]], in ascending node order, with weights wt at the same positions.
// Every loop below runs in that fixed order, so float sums do not depend on map order.
type adjacency struct {
	off      []int32
	nbr      []int32
	wt       []float64
	strength []float64 // sum of the weights of each node's edges
}

// newAdjacency builds the adjacency of n nodes from edges sorted by (source, target).
func newAdjacency(n int, edges []Edge) *adjacency {
	a := &adjacency{off: make([]int32, n+1), nbr: make([]int32, 2*len(edges)), wt: make([]float64, 2*len(edges)), strength: make([]float64, n)}
	for _, e := range edges {
		a.off[e.source+1]++
		a.off[e.target+1]++
	}
	for i := 0; i < n; i++ {
		a.off[i+1] += a.off[i]
	}
	fill := make([]int32, n)
	copy(fill, a.off[:n])
	// Edges sorted by source then target put, for each node u, first its neighbours
	// s < u (as targets, by ascending s) then its neighbours t > u (ascending t).
	for _, e := range edges {
		w := float64(e.Weight)
		a.nbr[fill[e.source]], a.wt[fill[e.source]] = e.target, w
		fill[e.source]++
		a.nbr[fill[e.target]], a.wt[fill[e.target]] = e.source, w
		fill[e.target]++
	}
	for i := 0; i < n; i++ {
		for k := a.off[i]; k < a.off[i+1]; k++ {
			a.strength[i] += a.wt[k]
		}
	}
	return a
}

func (a *adjacency) n() int { return len(a.off) - 1 }

func (a *adjacency) degree(i int) int { return int(a.off[i+1] - a.off[i]) }

// pageRank computes weighted PageRank (Brin & Page 1998, "The anatomy of a large-scale
// hypertextual Web search engine", Computer Networks 30:107–117) on the undirected graph
// taken as directed both ways, the random surfer following an edge with probability
// proportional to its weight:
//
//	PR_i = (1−α)/n + α Σ_{j∈N(i)} PR_j·w_ij/s_j + α/n Σ_{j: s_j=0} PR_j
//
// with s_j the strength of j; isolated nodes spread their rank evenly (the "dangling
// node" rule). Power iteration from PR = 1/n until Σ|ΔPR| < n·tol. The result sums to 1.
// This is networkx.pagerank(G, alpha, weight="weight") (and gonum's network.PageRank on
// the graph made directed), computed here in a fixed order so that it is bit-for-bit the
// same on every run: gonum's starts from a random vector and iterates over map order.
func (a *adjacency) pageRank(alpha, tol float64, maxIter int) ([]float64, bool) {
	n := a.n()
	if n == 0 {
		return nil, true
	}
	x := make([]float64, n)
	next := make([]float64, n)
	share := make([]float64, n) // x_j / s_j
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for iter := 0; iter < maxIter; iter++ {
		var dangling float64
		for j := range x {
			if a.strength[j] == 0 {
				dangling += x[j]
				share[j] = 0
			} else {
				share[j] = x[j] / a.strength[j]
			}
		}
		base := (1-alpha)/float64(n) + alpha*dangling/float64(n)
		var diff float64
		for i := range next {
			var s float64
			for k := a.off[i]; k < a.off[i+1]; k++ {
				s += share[a.nbr[k]] * a.wt[k]
			}
			next[i] = base + alpha*s
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			return x, true
		}
	}
	return x, false
}

// eigenvector computes eigenvector centrality (Bonacich 1972, "Factoring and weighting
// approaches to status scores and clique identification", Journal of Mathematical
// Sociology 2(1):113–120): the principal eigenvector of the weighted adjacency matrix A,
//
//	λ x_i = Σ_j w_ij x_j,
//
// found by power iteration on A + I (the shift keeps the iteration from oscillating on
// bipartite graphs and leaves the eigenvectors unchanged) from x = 1/n, normalising x to
// Euclidean length 1 after each step, until Σ|Δx| < n·tol. This is exactly
// networkx.eigenvector_centrality(G, weight="weight") with a tighter tolerance. On a
// disconnected graph the component with the largest eigenvalue takes all the weight;
// nodes of a graph without edges all get 1/√n.
func (a *adjacency) eigenvector(tol float64, maxIter int) ([]float64, bool) {
	n := a.n()
	if n == 0 {
		return nil, true
	}
	x := make([]float64, n)
	next := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for iter := 0; iter < maxIter; iter++ {
		var norm float64
		for i := range next {
			s := x[i]
			for k := a.off[i]; k < a.off[i+1]; k++ {
				s += x[a.nbr[k]] * a.wt[k]
			}
			next[i] = s
			norm += s * s
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for i := range next {
			next[i] /= norm
			diff += math.Abs(next[i] - x[i])
		}
		x, next = next, x
		if diff < float64(n)*tol {
			return x, true
		}
	}
	return x, false
}

// betweenness computes weighted betweenness centrality with Brandes' algorithm (Brandes
// 2001, "A faster algorithm for betweenness centrality", Journal of Mathematical
// Sociology 25(2):163–177), the length of an edge being 1/w so that persons named
// together often are close (Newman 2001, "Scientific collaboration networks. II",
// Physical Review E 64:016132):
//
//	C_B(v) = 2/((n−1)(n−2)) Σ_{s<t, s≠v≠t} σ_st(v)/σ_st
//
// where σ_st counts the shortest s–t paths and σ_st(v) those through v; the factor
// normalises to [0, 1] (0 when n ≤ 2). This is networkx.betweenness_centrality(G,
// weight=<1/w>, normalized=True) computed with exact rational lengths (fractions.Fraction).
// Path lengths equal within a relative 1e-12 count as ties: sums of floats 1/w in
// different orders may differ in the last bit, and networkx with float lengths, which
// compares sums exactly, then misses ties (1/3+1/3+1/3 against 1) and gives other values.
//
// Sources are split into a number of blocks that depends on n only, run in parallel, and
// summed in block order: the result does not depend on the number of cores.
func (a *adjacency) betweenness(workers int) []float64 {
	n := a.n()
	bc := make([]float64, n)
	if n <= 2 {
		return bc
	}
	dist := make([]float64, len(a.wt)) // edge lengths 1/w
	for k, w := range a.wt {
		dist[k] = 1 / w
	}
	blockSize := max(16, (n+63)/64)
	blocks := (n + blockSize - 1) / blockSize
	partial := make([][]float64, blocks)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, blocks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newBrandes(n)
			for blk := range work {
				sum := make([]float64, n)
				for s := blk * blockSize; s < min(n, (blk+1)*blockSize); s++ {
					b.accumulate(a, dist, int32(s), sum)
				}
				partial[blk] = sum
			}
		}()
	}
	for blk := range blocks {
		work <- blk
	}
	close(work)
	wg.Wait()
	scale := 1 / (float64(n-1) * float64(n-2))
	for _, p := range partial {
		for i, v := range p {
			bc[i] += v
		}
	}
	for i := range bc {
		bc[i] *= scale
	}
	return bc
}

// brandes is the scratch space of one single-source pass.
type brandes struct {
	dist  []float64
	sigma []float64
	delta []float64
	done  []bool
	seen  []bool
	preds [][]int32
	stack []int32
	heap  distHeap
}

func newBrandes(n int) *brandes {
	return &brandes{
		dist: make([]float64, n), sigma: make([]float64, n), delta: make([]float64, n),
		done: make([]bool, n), seen: make([]bool, n), preds: make([][]int32, n),
	}
}

// accumulate adds to sum the dependencies δ_s(v) of source s on every v ≠ s.
func (b *brandes) accumulate(a *adjacency, length []float64, s int32, sum []float64) {
	for i := range b.dist {
		b.sigma[i], b.delta[i] = 0, 0
		b.done[i], b.seen[i] = false, false
		b.preds[i] = b.preds[i][:0]
	}
	b.stack = b.stack[:0]
	b.heap = b.heap[:0]
	b.dist[s], b.sigma[s], b.seen[s] = 0, 1, true
	b.heap.push(heapItem{0, s})
	for len(b.heap) > 0 {
		it := b.heap.pop()
		u := it.node
		if b.done[u] || it.dist != b.dist[u] {
			continue // a stale entry
		}
		b.done[u] = true
		b.stack = append(b.stack, u)
		for k := a.off[u]; k < a.off[u+1]; k++ {
			v := a.nbr[k]
			if b.done[v] {
				continue
			}
			d := b.dist[u] + length[k]
			switch {
			case !b.seen[v] || d < b.dist[v]-tieTolerance*d:
				b.seen[v] = true
				b.dist[v] = d
				b.sigma[v] = b.sigma[u]
				b.preds[v] = append(b.preds[v][:0], u)
				b.heap.push(heapItem{d, v})
			case d <= b.dist[v]+tieTolerance*d:
				b.sigma[v] += b.sigma[u]
				b.preds[v] = append(b.preds[v], u)
			}
		}
	}
	for i := len(b.stack) - 1; i >= 0; i-- {
		w := b.stack[i]
		coeff := (1 + b.delta[w]) / b.sigma[w]
		for _, v := range b.preds[w] {
			b.delta[v] += b.sigma[v] * coeff
		}
		if w != s {
			sum[w] += b.delta[w]
		}
	}
}

type heapItem struct {
	dist float64
	node int32
}

// distHeap is a binary min-heap on (dist, node); the node breaks ties so that the order
// of equal distances is fixed.
type distHeap []heapItem

func (h distHeap) less(i, j int) bool {
	if h[i].dist != h[j].dist {
		return h[i].dist < h[j].dist
	}
	return h[i].node < h[j].node
}

func (h *distHeap) push(it heapItem) {
	*h = append(*h, it)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if !s.less(i, p) {
			break
		}
		s[i], s[p] = s[p], s[i]
		i = p
	}
}

func (h *distHeap) pop() heapItem {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(s) && s.less(l, m) {
			m = l
		}
		if r < len(s) && s.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
	*h = s
	return top
}

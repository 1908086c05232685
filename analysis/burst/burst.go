// Package burst finds bursts in a series of counts with Kleinberg's two-state automaton
// for batched arrivals.
//
// Reference: Jon Kleinberg, "Bursty and Hierarchical Structure in Streams", Proc. 8th ACM
// SIGKDD (2002) 91–101; Data Mining and Knowledge Discovery 7 (2003) 373–397,
// doi:10.1023/A:1024940629314, §4 "Enumerating bursts".
//
// The series is a sequence of n batches: in batch t, r_t of the d_t items are relevant
// (the articles naming a person among the period's articles, or a word's occurrences among
// the period's tokens). The automaton has a base state 0, emitting relevant items at the
// overall rate p₀ = Σr/Σd, and a burst state 1 at the rate p₁ = s·p₀. Being in state i
// at batch t costs the negative log-likelihood of the batch,
//
//	σ(i, t) = −ln[ C(d_t, r_t) · p_i^{r_t} · (1 − p_i)^{d_t − r_t} ],
//
// and going up from state i to j costs τ(i, j) = (j − i)·γ·ln n (going down is free). The
// state sequence minimising Σσ + Στ, starting from state 0, is found by the Viterbi
// algorithm; each maximal run of batches in state 1 is a burst, with the weight
//
//	w = Σ_{t in the burst} [σ(0, t) − σ(1, t)],
//
// how much better the burst state explains those batches (Kleinberg §4). The defaults
// s = 2 and γ = 1 are the paper's. When s·p₀ ≥ 1, p₁ is set to 0.9999, as Marinsek's
// burst_detection Python package (2016) does, so that the cost stays finite.
package burst

import (
	"fmt"
	"math"
)

// The literature's defaults (Kleinberg 2002).
const (
	DefaultS     = 2.0
	DefaultGamma = 1.0
)

// maxRate caps p₁ below 1 (see the package doc).
const maxRate = 0.9999

// Model holds the automaton's parameters: S, the ratio of the burst state's rate to the
// base rate (> 1), and Gamma, the cost of going up a state in units of ln n (≥ 0).
type Model struct {
	S, Gamma float64
}

// Default returns the model with s = 2, γ = 1.
func Default() Model { return Model{S: DefaultS, Gamma: DefaultGamma} }

// Burst is a maximal run of batches in the burst state: Start and End are batch indexes,
// both included; Level is the state (1 in the two-state model); Weight is
// Σ[σ(0,t) − σ(1,t)] over the run.
type Burst struct {
	Start, End int
	Level      int
	Weight     float64
}

func (m Model) check() error {
	if !(m.S > 1) || math.IsInf(m.S, 0) {
		return fmt.Errorf("burst: s = %v: want a number above 1", m.S)
	}
	if !(m.Gamma >= 0) || math.IsInf(m.Gamma, 0) {
		return fmt.Errorf("burst: γ = %v: want 0 or more", m.Gamma)
	}
	return nil
}

// Cost returns σ(i, t) for a batch of d items with r relevant at the rate p (the
// negative log-likelihood of the binomial; see the package doc).
func Cost(r, d int, p float64) float64 {
	lnC := lgamma(d+1) - lgamma(r+1) - lgamma(d-r+1)
	return -(lnC + xlogy(r, p) + xlogy(d-r, 1-p))
}

// xlogy returns k·ln p, with 0·ln 0 = 0.
func xlogy(k int, p float64) float64 {
	if k == 0 {
		return 0
	}
	return float64(k) * math.Log(p)
}

func lgamma(n int) float64 {
	v, _ := math.Lgamma(float64(n))
	return v
}

// States returns the optimal state (0 or 1) of every batch. r[t] relevant items of d[t]
// in batch t; r and d must have the same length, with 0 ≤ r[t] ≤ d[t]. A series with no
// relevant item, or with every item relevant, stays in state 0.
//
// Where two state sequences cost the same, the one in the lower state at the last batch
// where they differ is taken (the Viterbi choice of both the last state and each
// predecessor goes to the lower state on a tie). An empty batch (d = 0) costs 0 in either
// state, so a burst never starts nor ends in one: starting the burst a batch later, or
// ending it a batch earlier, costs the same. Empty batches inside a burst stay in it
// (leaving and coming back would cost τ again).
func (m Model) States(r, d []int) ([]int, error) {
	p0, p1, err := m.rates(r, d)
	if err != nil || p0 == 0 {
		return make([]int, len(r)), err
	}
	n := len(r)
	up := m.Gamma * math.Log(float64(n)) // τ(0,1)
	// cost[q] is the least cost of batches 0..t ending in state q; from[t][q] the state
	// at t−1 on that path.
	from := make([][2]int8, n)
	var cost [2]float64
	for t := range n {
		c0, c1 := Cost(r[t], d[t], p0), Cost(r[t], d[t], p1)
		if t == 0 {
			cost = [2]float64{c0, up + c1} // the automaton starts in state 0
			continue
		}
		var next [2]float64
		// into state 0: from 0, or down from 1 (free)
		if cost[1] < cost[0] {
			next[0], from[t][0] = cost[1]+c0, 1
		} else {
			next[0], from[t][0] = cost[0]+c0, 0
		}
		// into state 1: up from 0 (τ), or stay; on a tie from 0, the lower state, so that
		// a burst never starts in a batch that costs the same in both states (d = 0)
		if cost[0]+up <= cost[1] {
			next[1], from[t][1] = cost[0]+up+c1, 0
		} else {
			next[1], from[t][1] = cost[1]+c1, 1
		}
		cost = next
	}
	states := make([]int, n)
	q := 0
	if cost[1] < cost[0] {
		q = 1
	}
	for t := n - 1; t >= 0; t-- {
		states[t] = q
		q = int(from[t][q])
	}
	return states, nil
}

// Bursts returns the bursts of the series, in order (see States for r and d).
func (m Model) Bursts(r, d []int) ([]Burst, error) {
	states, err := m.States(r, d)
	if err != nil {
		return nil, err
	}
	p0, p1, _ := m.rates(r, d)
	var out []Burst
	for t := 0; t < len(states); t++ {
		if states[t] == 0 {
			continue
		}
		b := Burst{Start: t, Level: 1}
		for ; t < len(states) && states[t] == 1; t++ {
			b.Weight += Cost(r[t], d[t], p0) - Cost(r[t], d[t], p1)
		}
		b.End = t - 1
		out = append(out, b)
	}
	return out, nil
}

// rates checks the input and returns p₀ and p₁ (0, 0 when there is nothing to find).
func (m Model) rates(r, d []int) (p0, p1 float64, err error) {
	if err := m.check(); err != nil {
		return 0, 0, err
	}
	if len(r) != len(d) {
		return 0, 0, fmt.Errorf("burst: %d counts for %d totals", len(r), len(d))
	}
	var sr, sd int
	for t := range r {
		if r[t] < 0 || r[t] > d[t] {
			return 0, 0, fmt.Errorf("burst: batch %d: %d relevant of %d", t, r[t], d[t])
		}
		sr += r[t]
		sd += d[t]
	}
	if sr == 0 || sr == sd {
		return 0, 0, nil
	}
	p0 = float64(sr) / float64(sd)
	return p0, min(m.S*p0, maxRate), nil
}

package tfidf

import (
	"errors"
	"github.com/baokan/baokan/analysis/internal/topk"
	"iter"
	"math"
	"slices"
	"strings"
)

// DocFrequencies is what a Model needs from the fitted corpus: the number of documents N
// and each term's document frequency df(t). *terms.Counter implements it; to weigh groups
// (years, pages…) as documents, feed that Counter each group's distinct terms as one
// document.
type DocFrequencies interface {
	Docs() int64
	DocFreq(term string) int64
}

// TermCounts is one document given by its term counts rather than its tokens (a group's
// *terms.Counter implements it): All yields each distinct term once with f(t,d) > 0, and
// Tokens returns |d|.
type TermCounts interface {
	All() iter.Seq2[string, int64]
	Tokens() int64
}

// Model is a Scheme fitted to a corpus's document frequencies. It is read-only and safe
// for concurrent use; weigh documents with one Weigher per goroutine.
type Model struct {
	scheme Scheme
	df     DocFrequencies
	n      float64
}

// ErrNoDocuments is returned when fitting to a corpus without documents.
var ErrNoDocuments = errors.New("tfidf: the fitted corpus has no documents")

// NewModel fits s to the document frequencies df. df must not change afterwards.
func NewModel(s Scheme, df DocFrequencies) (*Model, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if df.Docs() <= 0 {
		return nil, ErrNoDocuments
	}
	return &Model{scheme: s, df: df, n: float64(df.Docs())}, nil
}

// Scheme returns the model's scheme.
func (m *Model) Scheme() Scheme { return m.scheme }

// Docs returns N, the number of documents of the fitted corpus.
func (m *Model) Docs() int64 { return int64(m.n) }

// IDF returns idf(t) under the model's scheme and df(t). ok is false for a term absent
// from the fitted corpus (df = 0), whose idf is undefined under Plain; such terms are left
// out of every weighting, as scikit-learn leaves out terms outside its vocabulary.
func (m *Model) IDF(term string) (idf float64, df int64, ok bool) {
	df = m.df.DocFreq(term)
	if df <= 0 {
		return 0, df, false
	}
	return m.idf(df), df, true
}

func (m *Model) idf(df int64) float64 {
	if m.scheme.IDF == Plain {
		return math.Log(m.n / float64(df))
	}
	return math.Log((1+m.n)/(1+float64(df))) + 1
}

func (m *Model) tf(count, length int64) float64 {
	switch m.scheme.TF {
	case Log:
		return 1 + math.Log(float64(count))
	case Normalized:
		return float64(count) / float64(length)
	}
	return float64(count)
}

// Row is the weight of one term in one document.
type Row struct {
	Doc   string
	Term  string
	Count int64   // f(t,d): occurrences of the term in the document
	TF    float64 // tf(t,d) under the scheme
	DF    int64   // df(t): documents of the fitted corpus containing the term
	IDF   float64 // idf(t) under the scheme
	// TFIDF is tf × idf, divided by the document's L2 norm when the scheme asks for it.
	TFIDF float64
	// Rank is the standard competition rank by TFIDF within the document ("1224"):
	// one plus the number of its terms with a strictly higher TFIDF. Rows with equal
	// TFIDF are ordered by Term (byte order, i.e. Unicode code point).
	Rank int
}

// Weigher weighs documents under a Model. It reuses its buffers from one document to
// the next, so it is not safe for concurrent use: one per goroutine.
type Weigher struct {
	m *Model

	// The current document's distinct terms; ids index the slices.
	index   map[string]int32
	terms   []string
	counts  []int64
	dfs     []int64
	weights []float64 // tf × idf, then divided by the L2 norm
	kept    []int32   // ids of the terms with df > 0
	heap    []int32
	pairs   []termCount
}

type termCount struct {
	term  string
	count int64
}

// NewWeigher returns a Weigher for m.
func (m *Model) NewWeigher() *Weigher {
	return &Weigher{m: m, index: make(map[string]int32)}
}

// Top weighs the document whose tokens are given, named doc in the rows, and returns its
// n heaviest terms (all when n <= 0) ordered by TFIDF descending then Term ascending.
// The L2 norm, when asked for, is taken over all the document's weighed terms, not only
// the n returned. The returned slice is the caller's.
func (w *Weigher) Top(doc string, tokens []string, n int) []Row {
	w.reset()
	for _, tok := range tokens {
		id, ok := w.index[tok]
		if !ok {
			id = int32(len(w.terms))
			w.index[tok] = id
			w.terms = append(w.terms, tok)
			w.counts = append(w.counts, 0)
		}
		w.counts[id]++
	}
	return w.weigh(doc, int64(len(tokens)), n)
}

// TopCounts is Top for a document given by its term counts, such as a group's
// *terms.Counter when groups are the documents.
func (w *Weigher) TopCounts(doc string, counts TermCounts, n int) []Row {
	w.reset()
	w.pairs = w.pairs[:0]
	for term, count := range counts.All() {
		if count > 0 {
			w.pairs = append(w.pairs, termCount{term, count})
		}
	}
	// A canonical term order makes the L2 sum, hence every weight, bit-identical however
	// the counts were enumerated (a merged Counter's order depends on the workers).
	slices.SortFunc(w.pairs, func(x, y termCount) int { return strings.Compare(x.term, y.term) })
	for _, p := range w.pairs {
		w.terms = append(w.terms, p.term)
		w.counts = append(w.counts, p.count)
	}
	return w.weigh(doc, counts.Tokens(), n)
}

func (w *Weigher) reset() {
	clear(w.index)
	w.terms = w.terms[:0]
	w.counts = w.counts[:0]
}

// weigh computes the weights of w.terms and returns the top n rows. The L2 norm is summed
// in the order of w.terms: first occurrence for Top, term order for TopCounts, so each is
// deterministic, though the two may differ in the last bit for the same document.
func (w *Weigher) weigh(doc string, length int64, n int) []Row {
	m := w.m
	w.dfs = slices.Grow(w.dfs[:0], len(w.terms))[:len(w.terms)]
	w.weights = slices.Grow(w.weights[:0], len(w.terms))[:len(w.terms)]
	w.kept = w.kept[:0]
	var sum float64
	for id, term := range w.terms {
		df := m.df.DocFreq(term)
		w.dfs[id] = df
		if df <= 0 {
			continue // absent from the fitted corpus: left out (see Model.IDF)
		}
		x := m.tf(w.counts[id], length) * m.idf(df)
		w.weights[id] = x
		sum += x * x
		w.kept = append(w.kept, int32(id))
	}
	if norm := math.Sqrt(sum); m.scheme.L2 && norm > 0 {
		for _, id := range w.kept {
			w.weights[id] /= norm
		}
	}
	top := w.selectTop(n)
	rows := make([]Row, len(top))
	for i, id := range top {
		rank := i + 1
		if i > 0 && w.weights[id] == rows[i-1].TFIDF {
			rank = rows[i-1].Rank
		}
		rows[i] = Row{
			Doc:   doc,
			Term:  w.terms[id],
			Count: w.counts[id],
			TF:    m.tf(w.counts[id], length),
			DF:    w.dfs[id],
			IDF:   m.idf(w.dfs[id]),
			TFIDF: w.weights[id],
			Rank:  rank,
		}
	}
	return rows
}

// better reports whether term x comes before term y: heavier first, then by term.
func (w *Weigher) better(x, y int32) bool {
	if w.weights[x] != w.weights[y] {
		return w.weights[x] > w.weights[y]
	}
	return w.terms[x] < w.terms[y]
}

// selectTop returns the ids of the n best kept terms in order (all when n <= 0).
func (w *Weigher) selectTop(n int) []int32 {
	w.heap = topk.Select(slices.Values(w.kept), n, w.better, w.heap)
	return w.heap
}

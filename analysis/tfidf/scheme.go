// Package tfidf weighs the terms of documents by TF-IDF: how often a term occurs in a
// document (tf), discounted by how many documents of the corpus contain it (idf).
//
// The weighting scheme is explicit and selectable (Scheme), and every variant states its
// formula (Scheme.Formula) so that a table can be cited. Fitting is streaming and
// two-pass: first feed every document once to count document frequencies (a
// *terms.Counter does that and satisfies DocFrequencies), then weigh each document with a
// Weigher. Memory is proportional to the vocabulary plus one document, whatever the
// corpus size. A caller that cannot read the corpus twice may keep each document's
// term counts instead (memory proportional to the corpus) and weigh them with
// Weigher.TopCounts.
//
// References:
//   - G. Salton and C. Buckley (1988), Term-weighting approaches in automatic text
//     retrieval. Information Processing & Management 24(5):513–523. doi:10.1016/0306-4573(88)90021-0
//   - K. Spärck Jones (1972), A statistical interpretation of term specificity and its
//     application in retrieval. Journal of Documentation 28(1):11–21. doi:10.1108/eb026526
//   - C. D. Manning, P. Raghavan and H. Schütze (2008), Introduction to Information
//     Retrieval, ch. 6 (§6.2 tf-idf, §6.3.3 cosine length normalisation, §6.4.1 sublinear tf).
//   - scikit-learn, TfidfTransformer (smooth_idf, sublinear_tf, norm="l2"), whose
//     conventions Smooth, Log and L2 follow exactly.
package tfidf

import (
	"fmt"
	"strings"
)

// TF selects the term-frequency component. f(t,d) is the number of times term t occurs
// in document d and |d| the number of tokens of d.
type TF int

const (
	// Raw: tf(t,d) = f(t,d).
	Raw TF = iota
	// Log: tf(t,d) = 1 + ln f(t,d) for f(t,d) > 0 (0 otherwise): the sublinear tf of
	// Manning et al. 2008 §6.4.1 and scikit-learn's sublinear_tf=True.
	Log
	// Normalized: tf(t,d) = f(t,d) / |d|, the relative frequency. With L2 normalisation it
	// gives the same weights as Raw (the factor 1/|d| cancels).
	Normalized
)

// IDF selects the inverse-document-frequency component. N is the number of documents
// of the fitted corpus and df(t) the number of them that contain t.
type IDF int

const (
	// Smooth: idf(t) = ln((1+N)/(1+df(t))) + 1, as if one extra document contained every
	// term once; never zero, so a term found in every document keeps weight.
	// This is scikit-learn's default (smooth_idf=True).
	Smooth IDF = iota
	// Plain: idf(t) = ln(N/df(t)), Spärck Jones's idf with natural log: a term found in
	// every document weighs 0. scikit-learn's smooth_idf=False computes ln(N/df(t)) + 1
	// instead, i.e. Plain + 1.
	Plain
)

// Scheme is a complete TF-IDF weighting: w(t,d) = tf(t,d) × idf(t), optionally divided
// by the Euclidean (L2) norm of the document's weight vector,
// w'(t,d) = w(t,d) / sqrt(Σ_t' w(t',d)²), so every document's vector has length 1.
//
// The zero Scheme is raw tf, smooth idf, no L2 normalisation; scikit-learn's
// TfidfVectorizer defaults are Scheme{TF: Raw, IDF: Smooth, L2: true}.
type Scheme struct {
	TF  TF
	IDF IDF
	L2  bool
}

var (
	tfNames  = [...]string{Raw: "raw", Log: "log", Normalized: "normalized"}
	idfNames = [...]string{Smooth: "smooth", Plain: "plain"}
)

// String returns the name used on the command line: raw, log or normalized.
func (t TF) String() string {
	if t < 0 || int(t) >= len(tfNames) {
		return fmt.Sprintf("TF(%d)", int(t))
	}
	return tfNames[t]
}

// Formula returns the definition of t in plain text.
func (t TF) Formula() string {
	switch t {
	case Raw:
		return "tf(t,d) = f(t,d), the number of times t occurs in d"
	case Log:
		return "tf(t,d) = 1 + ln f(t,d) for f(t,d) > 0 (sublinear tf; scikit-learn sublinear_tf=True)"
	case Normalized:
		return "tf(t,d) = f(t,d) / |d|, where |d| is the number of tokens in d"
	}
	return t.String() + ": unknown tf"
}

// ParseTF parses raw, log or normalized.
func ParseTF(s string) (TF, error) {
	for i, name := range tfNames {
		if s == name {
			return TF(i), nil
		}
	}
	return 0, fmt.Errorf("tfidf: unknown tf %q (want %s)", s, strings.Join(tfNames[:], ", "))
}

// String returns the name used on the command line: smooth or plain.
func (i IDF) String() string {
	if i < 0 || int(i) >= len(idfNames) {
		return fmt.Sprintf("IDF(%d)", int(i))
	}
	return idfNames[i]
}

// Formula returns the definition of i in plain text.
func (i IDF) Formula() string {
	switch i {
	case Smooth:
		return "idf(t) = ln((1+N)/(1+df(t))) + 1 (scikit-learn smooth_idf=True)"
	case Plain:
		return "idf(t) = ln(N/df(t)) (Spärck Jones 1972; scikit-learn smooth_idf=False adds 1)"
	}
	return i.String() + ": unknown idf"
}

// ParseIDF parses smooth or plain.
func ParseIDF(s string) (IDF, error) {
	for i, name := range idfNames {
		if s == name {
			return IDF(i), nil
		}
	}
	return 0, fmt.Errorf("tfidf: unknown idf %q (want %s)", s, strings.Join(idfNames[:], ", "))
}

// Validate reports an unknown TF or IDF value.
func (s Scheme) Validate() error {
	if s.TF < 0 || int(s.TF) >= len(tfNames) {
		return fmt.Errorf("tfidf: unknown tf %d", int(s.TF))
	}
	if s.IDF < 0 || int(s.IDF) >= len(idfNames) {
		return fmt.Errorf("tfidf: unknown idf %d", int(s.IDF))
	}
	return nil
}

// String returns a compact description, e.g. "tf=raw idf=smooth l2=true".
func (s Scheme) String() string {
	return fmt.Sprintf("tf=%s idf=%s l2=%t", s.TF, s.IDF, s.L2)
}

// L2Formula is the definition of L2 normalisation in plain text.
const L2Formula = "w'(t,d) = w(t,d) / sqrt(sum over t' in d of w(t',d)^2)"

// Formula returns the whole weighting of s in plain text, one line per component, for
// a --help text or a table's caption.
func (s Scheme) Formula() string {
	var b strings.Builder
	b.WriteString("w(t,d) = tf(t,d) * idf(t)\n")
	b.WriteString("  " + s.TF.Formula() + "\n")
	b.WriteString("  " + s.IDF.Formula() + "\n")
	if s.L2 {
		b.WriteString("  then L2 normalisation: " + L2Formula + "\n")
	} else {
		b.WriteString("  no normalisation\n")
	}
	b.WriteString("  N = documents in the corpus, df(t) = documents containing t, f(t,d) = occurrences of t in d")
	return b.String()
}

// Formulas returns the definitions of every option, for a --help text that lists
// the choices.
func Formulas() string {
	var b strings.Builder
	b.WriteString("w(t,d) = tf(t,d) * idf(t), optionally L2-normalised per document.\n")
	b.WriteString("tf:\n")
	for i := range tfNames {
		fmt.Fprintf(&b, "  %-10s %s\n", TF(i), TF(i).Formula())
	}
	b.WriteString("idf:\n")
	for i := range idfNames {
		fmt.Fprintf(&b, "  %-10s %s\n", IDF(i), IDF(i).Formula())
	}
	b.WriteString("l2:\n  " + L2Formula + "\n")
	b.WriteString("N = documents in the corpus, df(t) = documents containing t, f(t,d) = occurrences of t in d, |d| = tokens in d.")
	return b.String()
}

package tfidf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/baokan/baokan/analysis/terms"
)

// sklearnScript weighs pre-tokenised documents (a JSON list of token lists on stdin) with
// scikit-learn's TfidfVectorizer. analyzer=callable hands the tokens through untouched
// (no lower-casing, no token pattern), so both sides see the same tokens.
const sklearnScript = `
import json, sys
from sklearn.feature_extraction.text import TfidfVectorizer
docs = json.load(sys.stdin)
configs = {
    "smooth_raw_l2": dict(),
    "smooth_log_l2": dict(sublinear_tf=True),
    "smooth_raw_none": dict(norm=None),
    "nosmooth_raw_none": dict(smooth_idf=False, norm=None),
}
out = {}
for name, kw in configs.items():
    v = TfidfVectorizer(analyzer=lambda d: d, **kw)
    X = v.fit_transform(docs).tocoo()
    vocab = v.get_feature_names_out().tolist()
    out[name] = {
        "idf": dict(zip(vocab, v.idf_.tolist())),
        "cells": [[int(i), vocab[j], float(x)] for i, j, x in zip(X.row, X.col, X.data)],
    }
json.dump(out, sys.stdout)
`

type sklearnResult struct {
	IDF   map[string]float64 `json:"idf"`
	Cells [][3]any           `json:"cells"`
}

// cellMap returns doc → term → value.
func (r sklearnResult) cellMap(t *testing.T) map[int]map[string]float64 {
	m := make(map[int]map[string]float64)
	for _, c := range r.Cells {
		doc, term, val := int(c[0].(float64)), c[1].(string), c[2].(float64)
		if m[doc] == nil {
			m[doc] = make(map[string]float64)
		}
		m[doc][term] = val
	}
	return m
}

func runSklearn(t *testing.T, docs [][]string) map[string]sklearnResult {
	t.Helper()
	const python = "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import sklearn").Run(); err != nil {
		t.Skipf("scikit-learn not available to %s (apt-get install -y python3-sklearn): %v", python, err)
	}
	in, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", sklearnScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scikit-learn script: %v\n%s", err, stderr.String())
	}
	var res map[string]sklearnResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// compareWithSklearn weighs every document under s and checks each row against
// scikit-learn's value through the stated relation.
func compareWithSklearn(t *testing.T, docs [][]string, s Scheme, sk sklearnResult,
	idfRelation func(sk float64) float64, weightRelation func(r Row, docLen int, sk float64) float64) {
	t.Helper()
	var c terms.Counter
	for _, d := range docs {
		c.AddDoc(d)
	}
	m, err := NewModel(s, &c)
	if err != nil {
		t.Fatal(err)
	}
	w := m.NewWeigher()
	cells := sk.cellMap(t)
	var checked, bad int
	for i, d := range docs {
		rows := w.Top(fmt.Sprint(i), d, 0)
		if len(rows) != len(cells[i]) {
			t.Errorf("%v doc %d: %d rows, scikit-learn has %d non-zero cells", s, i, len(rows), len(cells[i]))
		}
		for _, r := range rows {
			skVal, ok := cells[i][r.Term]
			wantW := weightRelation(r, len(d), skVal)
			wantIDF := idfRelation(sk.IDF[r.Term])
			if !ok || !near(r.TFIDF, wantW) || !near(r.IDF, wantIDF) {
				if bad++; bad <= 5 {
					t.Errorf("%v doc %d %q: tfidf %.17g idf %.17g, want %.17g %.17g (scikit-learn cell %v, present %t)",
						s, i, r.Term, r.TFIDF, r.IDF, wantW, wantIDF, skVal, ok)
				}
			}
			checked++
		}
	}
	if checked == 0 {
		t.Errorf("%v: nothing compared", s)
	}
}

func testAgainstSklearn(t *testing.T, docs [][]string) {
	res := runSklearn(t, docs)
	same := func(sk float64) float64 { return sk }
	sameW := func(_ Row, _ int, sk float64) float64 { return sk }

	// TfidfVectorizer() defaults: raw tf, smooth idf, L2.
	compareWithSklearn(t, docs, Scheme{TF: Raw, IDF: Smooth, L2: true}, res["smooth_raw_l2"], same, sameW)
	// sublinear_tf=True is our Log tf.
	compareWithSklearn(t, docs, Scheme{TF: Log, IDF: Smooth, L2: true}, res["smooth_log_l2"], same, sameW)
	// Normalised tf differs from raw by the factor 1/|d|, which L2 normalisation cancels.
	compareWithSklearn(t, docs, Scheme{TF: Normalized, IDF: Smooth, L2: true}, res["smooth_raw_l2"], same, sameW)
	// Without normalisation, our normalised weight × |d| is scikit-learn's raw weight.
	compareWithSklearn(t, docs, Scheme{TF: Normalized, IDF: Smooth}, res["smooth_raw_none"], same,
		func(_ Row, docLen int, sk float64) float64 { return sk / float64(docLen) })
	// smooth_idf=False gives ln(N/df)+1: our Plain idf is scikit-learn's minus 1, and our
	// raw weight f×ln(N/df) is scikit-learn's f×(ln(N/df)+1) minus f.
	compareWithSklearn(t, docs, Scheme{TF: Raw, IDF: Plain}, res["nosmooth_raw_none"],
		func(sk float64) float64 { return sk - 1 },
		func(r Row, _ int, sk float64) float64 { return sk - float64(r.Count) })
}

func TestSklearnHandCorpus(t *testing.T) { testAgainstSklearn(t, handDocs) }

// On real PLA Daily articles with one-character tokens (a dictionary-free stand-in for
// segmentation): thousands of terms, df from 1 to N.
func TestSklearnRealArticles(t *testing.T) {
	testAgainstSklearn(t, realDocs(t))
}

// realDocs returns every .TXT under ../../../shared/corpus/jfjb decoded from GB18030 and
// cut into one-character tokens, in path order.
func realDocs(tb testing.TB) [][]string {
	tb.Helper()
	root := filepath.Join("..", "..", "..", "shared", "corpus", "jfjb")
	if _, err := os.Stat(root); err != nil {
		tb.Skipf("real articles not available at %s: %v", root, err)
	}
	var docs [][]string
	dec := simplifiedchinese.GB18030.NewDecoder()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := dec.String(string(raw))
		if err != nil {
			return err
		}
		var toks []string
		for len(text) > 0 {
			_, size := utf8.DecodeRuneInString(text)
			if tok := text[:size]; strings.TrimSpace(tok) != "" {
				toks = append(toks, tok)
			}
			text = text[size:]
		}
		docs = append(docs, toks)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(docs) == 0 {
		tb.Skipf("no .TXT files under %s", root)
	}
	return docs
}

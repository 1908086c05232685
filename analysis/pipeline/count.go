package pipeline

import (
	"github.com/baokan/baokan/analysis/terms"
	"github.com/baokan/baokan/corpus"
)

// Count runs one pass over s and counts its words, each article one document: over all
// articles without a grouping (one partial counter a worker, merged at the end: the
// counts do not depend on the number of workers), by group with one (an article counts in
// each group group gives it). Counts by group grow with the corpus (a counter per month of
// a million articles is about 1.4 GB), so they are kept once, not a partial one a worker.
func Count(s *Stream, group func(*corpus.Article) []string) (all *terms.Counter, grouped *terms.Grouped, err error) {
	all, grouped = terms.NewCounter(), terms.NewGrouped()
	if group != nil {
		err = s.EachIDs(func(a *corpus.Article, ids []uint32) error {
			for _, g := range group(a) {
				grouped.AddDocIDs(g, ids, s.Vocabulary())
			}
			return nil
		})
		return all, grouped, err
	}
	parts := make([]*terms.Counter, s.Workers())
	for w := range parts {
		parts[w] = terms.NewCounter()
	}
	err = s.EachIDsParallel(func(w int, _ *corpus.Article, ids []uint32, _ int) error {
		parts[w].AddDocIDs(ids, s.Vocabulary())
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	all = parts[0]
	for _, p := range parts[1:] {
		all.MergeIDs(p, s.Vocabulary())
	}
	return all, grouped, nil
}

// Package corpusreport composes the corpus report of 'baokan report': a Collector is fed
// one pass over the articles and their words, then Build makes the report.Report that
// package report renders as HTML and Markdown (report.WriteDir).
//
//	c := corpusreport.NewCollector(corpusreport.DefaultOptions())
//	for each article a, in corpus order, with its words as cut and filtered:
//		c.Add(a, words) // or c.AddIDs(a, ids, vocab, paragraphs, chars)
//	r, err := c.Build(corpusreport.Inputs{Summary: reader.Summary()})
//	err = report.WriteDir(dir, r)
//
// Sections: the corpus overview (as 'baokan stats'), the words by period (as 'baokan
// terms' and 'baokan keywords'), keyness (as 'baokan keyness'), persons from the RW lists
// and their co-mention network (as 'baokan persons' and 'baokan network'), timelines with
// Kleinberg bursts (as 'baokan timeline --bursts'), the followed words in context and the
// concept dictionaries when given (Inputs.Contexts, Inputs.Concepts, made in passes of
// their own), and the methods: every formula, parameter and filter, so that the report can
// be cited. Every measure is computed by the analysis package the command of the same name
// uses, so each table equals that command's output.
//
// The report is deterministic: the same articles in the same order give the same bytes,
// however the work was split (Collector.Merge) and whatever the number of cores.
package corpusreport

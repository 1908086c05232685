// Package baokan holds what the whole project shares: the embedded sample corpus.
// The toolkit itself lives in corpus/ (reading the archive), analysis/ (one concept a
// package), reports/ (all output) and cmd/baokan (the command).
//
// Where a Go program starts:
//   - corpus: Open a folder, files, archives (or OpenFS the embedded SampleFS) and range
//     over its articles; every source, raw files or a cache, is a corpus.Source
//     (Next/All, Summary, Close).
//   - analysis/pipeline: a Config (segmentation, filters, corpus words, workers) and an
//     Opener give a stream of articles with their words (Each, EachIDs, the parallel
//     EachIDsParallel, Vocabulary, Summary, Close); pipeline.Count counts them.
//   - analysis/tokens/cache: index a corpus once (Builder, Writer) and scan it
//     (OpenScan) as fast as memory.
//   - analysis/*: terms, tfidf, keyness, persons, network, timeline, burst, query...;
//     reports: tables as CSV, JSON, Markdown or terminal tables.
//
// The package example goes from a folder to terms by year as CSV.
package baokan

import "embed"

// SampleFS holds 30 real PLA Daily articles in the tagged export and 8 real People's Daily
// articles in the dataset's JSON form (see testdata/README.md); SampleRoot is the folder
// inside it to read.
//
//go:embed testdata/sample
var SampleFS embed.FS

// SampleRoot is the root of the sample corpus inside SampleFS.
const SampleRoot = "testdata/sample"

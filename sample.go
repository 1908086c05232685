// Package baokan holds what the whole project shares: the embedded sample corpus.
// The toolkit itself lives in corpus/ (reading the archive), analysis/ (one concept a
// package), reports/ (all output) and cmd/baokan (the command).
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

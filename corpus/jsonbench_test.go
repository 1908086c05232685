package corpus

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// BenchmarkParseSameArticles parses the same articles in the tagged export and in the
// People's Daily JSON form, from memory (no I/O, one core): MB/s is of each form's input.
// It needs a corpus made by bench/json.sh: BAOKAN_JSON_BENCH names the tagged folder
// (gencorpus.py's output, e.g. /tmp/json-c100k); the JSON Lines file is FOLDER-rmrb/rmrb.jsonl,
// whose lines are the tagged files in sorted path order. The first 5,000 articles are used.
func BenchmarkParseSameArticles(b *testing.B) {
	dir := os.Getenv("BAOKAN_JSON_BENCH")
	if dir == "" {
		b.Skip("skipping: set BAOKAN_JSON_BENCH to a corpus made by bench/json.sh")
	}
	const n = 5000
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".TXT" {
			paths = append(paths, p)
		}
		return nil
	})
	slices.Sort(paths)
	paths = paths[:min(n, len(paths))]
	var tagged, records [][]byte
	var taggedBytes, jsonBytes int64
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		tagged = append(tagged, d)
		taggedBytes += int64(len(d))
	}
	f, err := os.Open(dir + "-rmrb/rmrb.jsonl")
	if err != nil {
		b.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, MaxJSONRecordBytes)
	for len(records) < len(tagged) && sc.Scan() {
		records = append(records, slices.Clone(sc.Bytes()))
		jsonBytes += int64(len(sc.Bytes())) + 1
	}
	b.Run("tagged", func(b *testing.B) {
		b.SetBytes(taggedBytes)
		b.ReportAllocs()
		for b.Loop() {
			for i, d := range tagged {
				parseContent(paths[i], d, false, "")
			}
		}
	})
	b.Run("jsonl", func(b *testing.B) {
		var all []byte
		for _, d := range records {
			all = append(append(all, d...), '\n')
		}
		b.SetBytes(jsonBytes)
		b.ReportAllocs()
		for b.Loop() {
			parseContent("all.jsonl", all, false, "")
		}
	})
	b.Run("json", func(b *testing.B) {
		b.SetBytes(jsonBytes)
		b.ReportAllocs()
		for b.Loop() {
			for i, d := range records {
				parseContent(paths[i], d, false, "")
			}
		}
	})
}

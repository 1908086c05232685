package corpus

import (
	"fmt"
	"hash/maphash"
)

// dupKey identifies an article of the JSON forms by its paper, date, page, title lines and
// body: 128 bits of two differently seeded hashes, so that a false match is out of reach
// (about 10⁻²⁶ for a million articles).
type dupKey [2]uint64

// dupSeeds are fixed for the process: keys are compared within one read only.
var dupSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// articleKey makes the duplicate key of a (with its body: computed before SkipBody drops it).
func articleKey(a *Article) dupKey {
	var k dupKey
	for i, seed := range dupSeeds {
		var h maphash.Hash
		h.SetSeed(seed)
		fmt.Fprintf(&h, "%s\x00%s\x00%d\x00%s\x00%s\x00%s\x00", a.Paper, a.Date, a.Page, a.Kicker, a.Title, a.DateRaw)
		for _, s := range a.Subtitles {
			h.WriteString(s)
			h.WriteByte(1)
		}
		h.WriteByte(0)
		for _, p := range a.Body {
			h.WriteString(p)
			h.WriteByte(1)
		}
		k[i] = h.Sum64()
	}
	return k
}

// firstSeen is where an article was first read.
type firstSeen struct {
	path string
	line int
}

// duplicates remembers the articles of the JSON forms read so far (the tagged export has
// no duplicates of this kind and is not checked). The People's Daily dataset holds some
// articles twice, at month boundaries: the same date, page, title and text in two files.
type duplicates struct {
	seen map[dupKey]firstSeen
}

// drop removes from res the articles read before (in stream order), reporting each as a
// duplicate_article diagnostic of its file, counted as a skipped article.
func (d *duplicates) drop(res *fileResult) {
	if len(res.keys) == 0 {
		return
	}
	if d.seen == nil {
		d.seen = map[dupKey]firstSeen{}
	}
	kept := res.articles[:0]
	for i, a := range res.articles {
		k := res.keys[i]
		if first, ok := d.seen[k]; ok {
			res.diags = append(res.diags, Diagnostic{Path: a.Path, Line: a.Line, Kind: KindDuplicate,
				Message: fmt.Sprintf("the same paper, date, page, title and text as %s:%d; read once, this copy left out", first.path, first.line)})
			res.skipped++
			continue
		}
		d.seen[k] = firstSeen{a.Path, a.Line}
		kept = append(kept, a)
	}
	if len(kept) < len(res.articles) {
		clear(res.articles[len(kept):])
		res.articles = kept
		sortDiagnostics(res.diags)
	}
	res.keys = nil
}

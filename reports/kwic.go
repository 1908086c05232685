package reports

import (
	"bufio"
	"io"
	"strings"

	"golang.org/x/text/width"
)

// KWICRow is one line of a concordance for reading: Before and After frame it (date,
// place), Left, Match and Right are the context and the hit.
type KWICRow struct {
	Before, Left, Match, Right, After string
}

// WriteKWIC writes a concordance for reading in a terminal, aligned on the hit: Before
// left-aligned, Left right-aligned, Match and Right left-aligned, After last, each column
// as wide as its widest cell (CJK characters count two columns), columns two spaces
// apart. highlight, if set, wraps each hit (for a terminal, ANSI bold).
func WriteKWIC(w io.Writer, rows []KWICRow, highlight func(string) string) error {
	var wb, wl, wm int
	for _, r := range rows {
		wb, wl, wm = max(wb, DisplayWidth(r.Before)), max(wl, DisplayWidth(r.Left)), max(wm, DisplayWidth(r.Match))
	}
	bw := bufio.NewWriter(w)
	for _, r := range rows {
		bw.WriteString(r.Before)
		bw.WriteString(strings.Repeat(" ", wb-DisplayWidth(r.Before)+2))
		bw.WriteString(strings.Repeat(" ", wl-DisplayWidth(r.Left)))
		bw.WriteString(r.Left)
		bw.WriteString("  ")
		m := r.Match
		if highlight != nil {
			m = highlight(m)
		}
		bw.WriteString(m)
		bw.WriteString(strings.Repeat(" ", wm-DisplayWidth(r.Match)+2))
		bw.WriteString(r.Right)
		if r.After != "" {
			bw.WriteString("  ")
			bw.WriteString(r.After)
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// DisplayWidth is the columns s takes in a terminal: two for East Asian wide and
// full-width characters, one for the others.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			n++
		}
	}
	return n
}

package corpusreport

import (
	"fmt"
	"strconv"

	"github.com/baokan/baokan/analysis/collocation"
	"github.com/baokan/baokan/analysis/concordance"
	"github.com/baokan/baokan/reports/report"
)

// The report's concordance and collocates of each followed word (Options.Terms).
const (
	KWICLines       = 10 // concordance lines sampled
	KWICSeed        = 1  // the sampler's seed
	KWICWindow      = 8  // words each side
	CollocatesShown = 10
	CollocMinCount  = 2
)

// CollocSpan is the window of the collocates.
var CollocSpan = collocation.Span{Left: 5, Right: 5}

// TermContext is one followed word's sampled concordance and collocates, made in a pass
// of their own over every word as cut (as 'baokan kwic --sample' and 'baokan
// collocations' make them): the report's "Words in context" section.
type TermContext struct {
	Term       string
	Hits, Arts int // occurrences, articles with one
	Lines      []concordance.Line
	Collocates []collocation.Row
}

// contextSection is the report's "Words in context" section.
func contextSection(ctx []TermContext) report.Section {
	s := report.Section{ID: "contexts", Title: "Words in context"}
	s.Blocks = append(s.Blocks, report.Paragraph(fmt.Sprintf(
		"For each word asked for with --term: a concordance of %d of its occurrences drawn at random (reservoir sampling, seed %d, in corpus order), %d words each side, and the words found most often around it (within %d words left and right), by log-likelihood.",
		KWICLines, KWICSeed, KWICWindow, CollocSpan.Left)))
	for _, c := range ctx {
		rows := make([][]any, len(c.Lines))
		for i, l := range c.Lines {
			rows[i] = []any{l.Date.String(), l.Left, l.Match, l.Right, fmt.Sprintf("%s:%d", l.Path, l.Line)}
		}
		s.Blocks = append(s.Blocks, &report.Table{
			Caption: fmt.Sprintf("%s in context: %d of %d occurrences in %d articles", c.Term, len(c.Lines), c.Hits, c.Arts),
			Columns: []string{"date", "left", "match", "right", "article"},
			Rows:    rows,
			Note:    fmt.Sprintf("As 'baokan kwic %s --sample %d --seed %d --window %d'.", ShellQuote(strconv.Quote(c.Term)), KWICLines, KWICSeed, KWICWindow),
		})
		crows := make([][]any, len(c.Collocates))
		for i, r := range c.Collocates {
			crows[i] = []any{r.Term, r.Count, r.Freq, r.Expected, r.MI, r.T, r.G2, r.LogDice}
		}
		s.Blocks = append(s.Blocks, &report.Table{
			Caption: fmt.Sprintf("Collocates of %s", c.Term),
			Columns: []string{"term", "count", "freq", "expected", "mi", "t_score", "g2", "log_dice"},
			Rows:    crows,
			Note: fmt.Sprintf("As 'baokan collocations %s --span %d,%d --min-count %d --top %d'. count: occurrences within the window; freq: in the corpus; expected = R1·freq/N (R1: the word positions in the windows, N: the words); mi = log2(count/expected) (Church & Hanks 1990); t_score = (count − expected)/√count (Church et al. 1991); g2: log-likelihood (Dunning 1993); log_dice = 14 + log2(2·count/(hits + freq)) (Rychlý 2008).",
				ShellQuote(strconv.Quote(c.Term)), CollocSpan.Left, CollocSpan.Right, CollocMinCount, CollocatesShown),
		})
	}
	return s
}

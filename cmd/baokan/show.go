package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

type showOptions struct {
	corpusOptions
	wordFlags
	at    []string
	limit int
}

func newShowCmd(io *streams) *cobra.Command {
	o := &showOptions{}
	c := &cobra.Command{
		Use:   "show [PATH[:LINE]...] [--query QUERY] [--at PATH:LINE]",
		Short: "The articles themselves, for reading: fields, then paragraphs, hits highlighted",
		Long: `show prints articles for reading: a header of their fields (path:line, date, page and item,
kicker, title, subtitles, authors, genres, topics, RW list), then their paragraphs, one a
line, articles separated by a blank line and a rule.

Which articles: PATH:LINE names the article that starts at LINE of the file PATH (as kwic
and articles print them); --at PATH:LINE picks articles by those columns from any source,
a cache included (baokan show --at txt/1962/...TXT:1 archive.bki); --query QUERY (see
'baokan help query') keeps those that match; with neither, every article of the sources.

The hits of --query's word and text: terms are highlighted (bold, reversed) when standard
output is a terminal; otherwise the text is plain.`,
		RunE: func(c *cobra.Command, args []string) error { return runShow(io, o, args) },
	}
	addCorpusReadFlags(c, &o.corpusOptions)
	addSegmentFlags(c, &o.wordFlags)
	c.Flags().StringArrayVar(&o.at, "at", nil, "show the article at `PATH:LINE` (repeatable)")
	c.Flags().IntVar(&o.limit, "limit", 0, "show at most `N` articles (0: all)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	return c
}

// splitAt reads PATH:LINE.
func splitAt(s string) (path string, line int, ok bool) {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 1 {
		return s, 0, false
	}
	return s[:i], n, true
}

func runShow(io *streams, o *showOptions, args []string) error {
	type place struct {
		path string
		line int
	}
	want := map[place]bool{}
	for _, s := range o.at {
		p, l, ok := splitAt(s)
		if !ok {
			return fmt.Errorf("--at %q: want PATH:LINE", s)
		}
		want[place{p, l}] = true
	}
	var sources []string
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			if p, l, ok := splitAt(a); ok {
				want[place{p, l}] = true
				if !slices.Contains(sources, p) {
					sources = append(sources, p)
				}
				continue
			}
		}
		sources = append(sources, a)
	}
	var m *queryMatcher
	if o.query != "" {
		var err error
		if m, err = compileQuery("--query", o.query); err != nil {
			return err
		}
		o.query = ""
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	hl := false
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		hl = true
	}
	shown := 0
	show := func(a *corpus.Article, words []string, hits []spanT) error {
		if len(want) > 0 && !want[place{a.Path, a.Line}] {
			return nil
		}
		if o.limit > 0 && shown >= o.limit {
			return nil
		}
		if shown > 0 {
			bw.WriteString("\n" + strings.Repeat("─", 40) + "\n\n")
		}
		shown++
		writeArticle(bw, a, words, hits, hl)
		return nil
	}
	var closeErr error
	if m != nil && (m.words || m.text) {
		_, closeErr, err = eachHit(io, &o.corpusOptions, &o.wordFlags, m, sources, false, func(a *corpus.Article, _ int, words []string, _ []uint32, hits []spanT) error {
			return show(a, words, hits)
		})
	} else {
		var s *session
		if s, err = o.open(io, sources); err != nil {
			done()
			return err
		}
		for a, rerr := range s.reader.All() {
			if rerr != nil {
				err = rerr
				break
			}
			if m != nil && !m.match(a, nil, nil) {
				continue
			}
			show(a, nil, nil)
		}
		if cerr := s.close(); err == nil {
			closeErr = cerr
		}
	}
	if err != nil {
		done()
		return err
	}
	if err := bw.Flush(); err != nil {
		done()
		return err
	}
	if err := done(); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: %d articles shown\n", shown)
	}
	return closeErr
}

// writeArticle prints a's fields, then its paragraphs with the hits marked when hl.
func writeArticle(w *bufio.Writer, a *corpus.Article, words []string, hits []spanT, hl bool) {
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-9s %s\n", name, v)
		}
	}
	field("article", fmt.Sprintf("%s:%d", a.Path, a.Line))
	field("date", a.Date.String())
	field("page", fmt.Sprintf("%d, item %d", a.Page, a.Item))
	field("kicker", a.Kicker)
	field("title", a.Title)
	field("subtitle", strings.Join(a.Subtitles, " / "))
	field("authors", strings.Join(a.Authors, " / "))
	field("genres", strings.Join(a.Genres, " / "))
	field("topics", strings.Join(a.Topics, " / "))
	field("rw", strings.Join(a.RW, " / "))
	w.WriteByte('\n')
	// The hits' byte ranges, by paragraph.
	marks := map[int][][2]int{}
	if hl && len(hits) > 0 && words != nil {
		d := &query.Doc{Article: a, Words: words}
		for _, h := range hits {
			if p, s, e, ok := d.Locate(h); ok {
				marks[p] = append(marks[p], [2]int{s, e})
			}
		}
	}
	for i, p := range a.Body {
		ms := marks[i]
		at := 0
		for _, m := range ms {
			if m[0] < at {
				continue // overlapping hits: the first is marked
			}
			w.WriteString(p[at:m[0]])
			w.WriteString("\x1b[1;7m" + p[m[0]:m[1]] + "\x1b[0m")
			at = m[1]
		}
		w.WriteString(p[at:])
		w.WriteByte('\n')
	}
}

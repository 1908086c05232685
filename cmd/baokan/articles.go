package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type articlesOptions struct {
	corpusOptions
	wordFlags
	body          bool
	words         bool
	wordsFiltered bool
}

// articleColumns are the columns of `baokan articles`, in order.
var articleColumns = []string{"path", "line", "serial", "date", "page", "item", "kicker", "title",
	"subtitle", "authors", "classification", "column", "page_name", "topics", "genres", "rw",
	"rw_source", "paragraphs", "chars", "paper"}

func newArticlesCmd(io *streams) *cobra.Command {
	o := &articlesOptions{}
	c := &cobra.Command{
		Use:   "articles [CORPUS...]",
		Short: "One row per article with every field",
		Long: `articles prints one row per article, in corpus order (path, then line), with the columns
  path,line,serial,date,page,item,kicker,title,subtitle,authors,classification,column,
  page_name,topics,genres,rw,rw_source,paragraphs,chars,paper
and with --body a last column body (the paragraphs joined by a newline).

Lists (subtitle, authors, topics, genres, rw) are joined by "/" in table and csv, arrays in
json and jsonl. date is YYYY-MM-DD, empty when the RQ field is missing or not a real date.
rw holds the raw RW entries as indexed (names, roles and events mixed; see 'baokan persons'),
rw_source says where they came from: GJ, body (the tail of the last body line), or empty.
paper is the newspaper: 人民日报 or 文汇报 from their JSON forms; for the tagged export, which
does not name it, what --tagged-paper says (empty without it).
chars counts the Unicode code points of the body. Body text found in the author field (ZZ)
after a line break is moved to the end of the body (diagnostic body_in_author): paragraphs,
chars and body count it, and authors does not.

--words adds a column words: the words of kicker, title, subtitles and body as cut, every
token (punctuation included), joined by one space (for R/quanteda, stm, MALLET);
--words-filtered a column words_filtered: the same after the token filters (stop words,
punctuation, numbers, Latin, --min-len). Both are cut as the word commands cut.

` + wordFlagsHelp,
		RunE: func(c *cobra.Command, args []string) error { return runArticles(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	addWordFlags(c, &o.wordFlags)
	_ = c.Flags().MarkHidden("titles") // the words of the titles are always given
	c.Flags().BoolVar(&o.body, "body", false, "add a body column (paragraphs joined by a newline)")
	c.Flags().BoolVar(&o.words, "words", false, "add a words column: title and body words as cut, space-separated")
	c.Flags().BoolVar(&o.wordsFiltered, "words-filtered", false, "add a words_filtered column: the words after the token filters")
	return c
}

func runArticles(io *streams, o *articlesOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	if o.words || o.wordsFiltered {
		return runArticlesWords(io, o, format, args)
	}
	o.textless = !o.body
	s, err := o.open(io, args)
	if err != nil {
		return err
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		s.close()
		return err
	}
	columns := articleColumns
	if o.body {
		columns = append(columns[:len(columns):len(columns)], "body")
	}
	shorten, title := o.pathShortener(args)
	ropts := o.reportOptions()
	if title != "" {
		ropts = append(ropts, reports.WithTitle(title))
	}
	out := reports.NewWriter(w, format, columns, ropts...)
	row := make([]any, 0, len(columns))
	for a, err := range s.reader.All() {
		if err != nil {
			s.close()
			done()
			return err
		}
		paragraphs, chars := s.bodySize(a)
		row = articleRow(row[:0], a, paragraphs, chars)
		row[0] = shorten(a.Path)
		if o.body {
			row = append(row, strings.Join(a.Body, "\n"))
		}
		if err := out.WriteRow(row...); err != nil {
			s.close()
			done()
			return err
		}
	}
	return finishOutput(out, done, nil, s.close())
}

// articleRow appends the cells of articleColumns for a, whose body has the given paragraphs
// and characters.
func articleRow(row []any, a *corpus.Article, paragraphs, chars int) []any {
	return append(row, a.Path, a.Line, a.Serial, a.Date.String(), a.Page, a.Item, a.Kicker, a.Title,
		list(a.Subtitles), list(a.Authors), a.Classification, a.Column, a.PageName, list(a.Topics),
		list(a.Genres), list(a.RW), string(a.RWSource), paragraphs, chars, a.Paper)
}

// list keeps a nil list an empty list, so JSON shows [] rather than null.
func list(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// runArticlesWords is runArticles with the words columns: the articles come from the word
// stream, cut with every token kept; the filters of the flags apply to words_filtered.
func runArticlesWords(io *streams, o *articlesOptions, format reports.Format, args []string) error {
	filter, err := o.wordFlags.filter()
	if err != nil {
		return err
	}
	all := o.wordFlags
	all.noStopwords, all.stopwords, all.minLen = true, "", 0
	all.keepPunct, all.keepNumbers, all.keepLatin, all.titles = true, true, true, true
	o.textless = !o.body
	ws, err := all.openWords(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	columns := articleColumns
	if o.body {
		columns = append(columns[:len(columns):len(columns)], "body")
	}
	if o.words {
		columns = append(columns[:len(columns):len(columns)], "words")
	}
	if o.wordsFiltered {
		columns = append(columns[:len(columns):len(columns)], "words_filtered")
	}
	out := reports.NewWriter(w, format, columns, o.reportOptions()...)
	row := make([]any, 0, len(columns))
	var kept []string
	var b strings.Builder
	err = ws.Each(func(a *corpus.Article, words []string) error {
		paragraphs, chars := ws.bodySize(a)
		row = articleRow(row[:0], a, paragraphs, chars)
		if o.body {
			row = append(row, strings.Join(a.Body, "\n"))
		}
		if o.words {
			row = append(row, joinWords(&b, words))
		}
		if o.wordsFiltered {
			kept = append(kept[:0], words...)
			row = append(row, joinWords(&b, filter.Apply(kept)))
		}
		return out.WriteRow(row...)
	})
	if err != nil {
		done()
		return err
	}
	return finishOutput(out, done, nil, ws.Close())
}

// joinWords joins words by one space; a word holding white space (never, from the
// segmenter) would be ambiguous, so none is.
func joinWords(b *strings.Builder, words []string) string {
	b.Reset()
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

package main

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/reports"
)

type newwordsOptions struct {
	corpusOptions
	noNames, noNewWords bool
	all                 bool
	asDict              bool
}

// newwordsColumns are the columns of `baokan newwords`.
var newwordsColumns = []string{"text", "kind", "name_kind", "count", "articles", "contexts",
	"cohesion", "left_entropy", "right_entropy", "first", "last", "added"}

func newNewwordsCmd(io *streams) *cobra.Command {
	o := &newwordsOptions{}
	c := &cobra.Command{
		Use:   "newwords [CORPUS...]",
		Short: "The personal names and new words found in the corpus's text, with their evidence",
		Long: `newwords runs the search every word command runs before it cuts the corpus (unless
--no-names, --no-new-words or --no-corpus-words) and lists what it found, one row each:
  text,kind,name_kind,count,articles,contexts,cohesion,left_entropy,right_entropy,first,last,added
kind is name or word; name_kind chinese, foreign, japanese or korean (names only).
Names: count, articles = occurrences and articles where the name was chosen (titles and
bodies of every article), contexts = occurrences in a name context (a title or rank before,
团长 or 同志/说/等 after). A name is taken on repetition in an article with a name context, on
one occurrence framed by a title or list delimiter before it and its end after it, or on
contexts across articles; cohesion and entropies are 0 for names.
Words: count, articles over the sample of text counted (at most 3 million characters spread
evenly over the corpus), cohesion = least PMI of the word's two
parts in bits, min over cuts w = a·b of log2(c(w)·N / (c(a)·c(b))) (Church & Hanks 1990),
left_entropy, right_entropy = branching entropy in bits of the characters before and after
it (Jin & Tanaka-Ishii 2006; the entropy form of Feng et al. 2004's accessor variety), as in
Matrix67, 互联网时代的社会语言学：基于SNS的文本数据挖掘 (2012). A string is a word when count ≥ 5,
cohesion ≥ 7 bits (+1 a character beyond 2), both entropies ≥ 2 bits; see the package
documentation of analysis/lexicon for every rule and threshold. first, last: dates of the
first and last article it was found in. added: whether the segmenter adds it (a name with
middle dots: some of its parts, which are added one by one; false: gse's
dictionary has it already, or it is a compound of dictionary words).

Rows: names then words, each by count (most first), ties by text. Only the added ones
unless --all. The list is a proposal to review: --as-dict writes it as a user dictionary
(lines "word 0 [nr]": 0 asks for the automatic frequency), which, edited, goes back in
with --dict FILE --no-new-words --no-names on any word command or 'baokan index'.
The whole corpus is searched, whatever --from/--to/--page/--genre/--title keep, as the word
commands do.`,
		RunE: func(c *cobra.Command, args []string) error { return runNewwords(io, o, args) },
	}
	addCorpusFlags(c, &o.corpusOptions)
	f := c.Flags()
	f.BoolVar(&o.noNames, "no-names", false, "do not search for personal names")
	f.BoolVar(&o.noNewWords, "no-new-words", false, "do not search for new words")
	f.BoolVar(&o.all, "all", false, "also list what the segmenter would not add (already in its dictionary)")
	f.BoolVar(&o.asDict, "as-dict", false, "write a user dictionary for --dict instead of a table")
	return c
}

// findWords runs the corpus-words pass with the finder over the whole corpus.
func findWords(io *streams, co *corpusOptions, args []string, opts lexicon.Options) (tokens.CorpusWords, error) {
	whole := *co
	whole.from, whole.to, whole.page, whole.genre, whole.title = "", "", 0, "", ""
	s, err := whole.open(io, args)
	if err != nil {
		return tokens.CorpusWords{}, err
	}
	words, err := tokens.CollectCorpusWordsFinding(s.reader, persons.NewResolver(persons.Options{}), lexicon.NewFinder(opts))
	if cerr := s.close(); err == nil {
		err = cerr
	}
	return words, err
}

func runNewwords(io *streams, o *newwordsOptions, args []string) error {
	format, err := o.reportFormat()
	if err != nil {
		return err
	}
	words, err := findWords(io, &o.corpusOptions, args, lexicon.Options{NoNames: o.noNames, NoWords: o.noNewWords})
	if err != nil && words.Found == nil {
		return err
	}
	verdict := err
	// Which the segmenter adds for being found (not for being an RW person or GJ topic).
	seg, err := segment.New(tokens.CorpusWords{Found: words.Found}.Options(segment.Options{}))
	if err != nil {
		return err
	}
	added := map[string]bool{}
	for _, w := range seg.Added() {
		added[w] = true
	}
	for _, t := range words.Topics {
		delete(added, t)
	}
	for _, e := range words.Found {
		// A name with middle dots is added part by part (see tokens.CorpusWords.Options).
		if e.Kind == lexicon.KindName && strings.ContainsFunc(e.Text, lexicon.IsNameDot) {
			for _, part := range strings.FieldsFunc(e.Text, lexicon.IsNameDot) {
				added[e.Text] = added[e.Text] || added[part]
			}
		}
	}
	found := slices.Clone(words.Found)
	slices.SortStableFunc(found, func(a, b lexicon.Entry) int {
		if a.Kind != b.Kind {
			return strings.Compare(a.Kind, b.Kind)
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Text, b.Text)
	})
	w, done, err := o.outputWriter(io)
	if err != nil {
		return err
	}
	if o.asDict {
		bw := bufio.NewWriter(w)
		fmt.Fprintln(bw, "# names and new words found by 'baokan newwords': word, frequency (0: automatic), tag")
		for _, e := range found {
			if !o.all && !added[e.Text] {
				continue
			}
			if e.Kind == lexicon.KindName {
				for _, part := range strings.FieldsFunc(e.Text, lexicon.IsNameDot) { // as the segmenter adds them
					if utf8.RuneCountInString(part) >= 2 {
						fmt.Fprintf(bw, "%s 0 nr\n", part)
					}
				}
			} else {
				fmt.Fprintf(bw, "%s 0\n", e.Text)
			}
		}
		if err := bw.Flush(); err != nil {
			done()
			return err
		}
		if err := done(); err != nil {
			return err
		}
		return verdict
	}
	out := reports.NewWriter(w, format, newwordsColumns, o.reportOptions()...)
	for _, e := range found {
		if !o.all && !added[e.Text] {
			continue
		}
		if err := out.WriteRow(e.Text, e.Kind, e.NameKind, e.Count, e.Articles, e.Contexts,
			e.Cohesion, e.LeftEntropy, e.RightEntropy, e.First.String(), e.Last.String(), added[e.Text]); err != nil {
			done()
			return err
		}
	}
	return finishOutput(out, done, nil, verdict)
}

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/segeval"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports"
)

type segmentOptions struct {
	wordFlags
	filter bool
	find   bool
	score  string
	words  string
	format string
	output string
}

func newSegmentCmd(io *streams) *cobra.Command {
	o := &segmentOptions{}
	c := &cobra.Command{
		Use:   "segment [FILE|-]",
		Short: "Cut raw text into words, or score the segmentation against a gold standard",
		Long: `segment reads raw text (a file, or standard input when FILE is - or absent; UTF-8, or
GBK/GB18030 detected as for the corpus) and writes one line of space-separated words for every
line read: every token, punctuation included, unless --filter (or a filter flag) is given.
--hmm, --dict: as for the corpus commands.

With --score GOLD it cuts the input and compares the result with the gold segmentation GOLD
(words separated by spaces, one line per input line), and prints the SIGHAN bakeoff measures
(Emerson 2005), matching words by character span (a word is correct when the gold has a word
with the same start and end). Lines are read one after the other as one stream of words, as
the bakeoff's scoring script does, so a character that one file puts at the end of a line and
the other at the start of the next (the MSR gold does this with some quotes) counts the same.
  precision = correct / words cut     recall = correct / gold words
  F1 = 2PR / (P + R)
  OOV rate = gold words not in the training word list (--words FILE) / gold words
  OOV recall, IV recall: recall over the gold words out of / in that list
Without --words every gold word counts as out of vocabulary.

--find runs the search of the corpus commands over the input first (each line an article:
see 'baokan newwords --help') and adds the personal names and new words found, as a corpus
is cut (--no-names, --no-new-words to leave either out).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			o.filter = o.filter || c.Flags().Changed("stopwords") || c.Flags().Changed("min-len") ||
				c.Flags().Changed("no-stopwords")
			return runSegment(io, o, args)
		},
	}
	addWordFlags(c, &o.wordFlags)
	for _, corpusOnly := range []string{"no-corpus-words", "titles"} {
		_ = c.Flags().MarkHidden(corpusOnly)
	}
	f := c.Flags()
	f.BoolVar(&o.find, "find", false, "first find personal names and new words in the input and add them to the dictionary")
	f.BoolVar(&o.filter, "filter", false, "apply the token filters (stop words, punctuation, numbers, Latin; see the corpus commands)")
	f.StringVar(&o.score, "score", "", "compare with the gold segmentation `GOLD` and print the scores")
	f.StringVar(&o.words, "words", "", "with --score: the training word list `FILE` that defines out-of-vocabulary words")
	f.StringVar(&o.format, "format", "table", "with --score: output `FORMAT`: "+strings.Join(reports.Formats(), ", "))
	f.StringVarP(&o.output, "output", "o", "", "write to `FILE` instead of standard output")
	return c
}

func runSegment(ios *streams, o *segmentOptions, args []string) error {
	var format reports.Format
	if o.score != "" {
		var err error
		if format, err = reports.ParseFormat(o.format); err != nil {
			return err
		}
	} else if o.words != "" {
		return fmt.Errorf("--words goes with --score")
	}
	var in io.Reader = ios.in
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	text, _, invalid := corpus.Decode(data)
	if invalid > 0 {
		fmt.Fprintf(ios.err, "baokan: %d invalid byte sequences in the input replaced by U+FFFD\n", invalid)
	}
	sopts, err := o.segmentOptions()
	if err != nil {
		return err
	}
	lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(text, "\r\n", "\n"), "\n"), "\n")
	if text == "" {
		lines = nil
	}
	if o.find && (!o.noNames || !o.noNewWords) {
		finder := lexicon.NewFinder(lexicon.Options{NoNames: o.noNames, NoWords: o.noNewWords})
		for _, line := range lines {
			finder.AddTexts(corpus.Date{}, line)
		}
		sopts = tokens.CorpusWords{Found: finder.Result()}.Options(sopts)
	}
	seg, err := segment.New(sopts)
	if err != nil {
		return err
	}
	filter, err := o.wordFlags.filter()
	if err != nil {
		return err
	}
	cut := make([][]string, len(lines))
	for i, line := range lines {
		words := seg.Cut(line)
		if o.filter {
			words = filter.Apply(words)
		}
		cut[i] = words
	}

	var out io.Writer = ios.out
	if o.output != "" && o.output != "-" {
		f, err := os.Create(o.output)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	if o.score == "" {
		bw := bufio.NewWriter(out)
		for _, words := range cut {
			bw.WriteString(strings.Join(words, " "))
			bw.WriteByte('\n')
		}
		return bw.Flush()
	}
	return scoreSegmentation(out, format, o, cut)
}

func scoreSegmentation(out io.Writer, format reports.Format, o *segmentOptions, cut [][]string) error {
	gf, err := os.Open(o.score)
	if err != nil {
		return fmt.Errorf("--score: %w", err)
	}
	gold, err := segeval.ReadSegmented(gf)
	gf.Close()
	if err != nil {
		return fmt.Errorf("--score %s: %w", o.score, err)
	}
	var training map[string]struct{}
	if o.words != "" {
		wf, err := os.Open(o.words)
		if err != nil {
			return fmt.Errorf("--words: %w", err)
		}
		training, err = segeval.ReadWordList(wf)
		wf.Close()
		if err != nil {
			return fmt.Errorf("--words %s: %w", o.words, err)
		}
	}
	r, err := segeval.Score(gold, cut, training)
	if err != nil {
		return fmt.Errorf("--score %s: %w", o.score, err)
	}
	t := reports.Table{Title: "Segmentation scores (SIGHAN bakeoff measures)", Columns: []string{"measure", "value"},
		Rows: [][]any{
			{"precision", r.Precision}, {"recall", r.Recall}, {"f1", r.F1},
			{"oov_rate", r.OOVRate}, {"oov_recall", r.OOVRecall}, {"iv_recall", r.IVRecall},
			{"gold_words", r.GoldWords}, {"test_words", r.TestWords}, {"correct", r.Correct},
		}}
	return reports.WriteTable(out, format, t)
}

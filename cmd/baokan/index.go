package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
)

type indexOptions struct {
	corpusOptions
	wordFlags
}

func newIndexCmd(io *streams) *cobra.Command {
	o := &indexOptions{}
	c := &cobra.Command{
		Use:   "index [CORPUS...] -o FILE.bki",
		Short: "Parse and segment a corpus once, into a cache every command reads in place of CORPUS",
		Long: `index reads the corpus, cuts every article into words, and writes a cache file that every
corpus command accepts in place of CORPUS, given alone:

  baokan index ~/archive/rmrb -o rmrb.bki      # parse and segment once (minutes)
  baokan terms --by year rmrb.bki              # then each analysis reads the cache (seconds)
  baokan keywords --by year --min-len 2 rmrb.bki
  baokan stats --by month --from 1966-01-01 rmrb.bki

What it stores: every file read (path, size, encoding, diagnostics) and every article with
all its fields and its body text (zstd-compressed), so that every command — articles --body
and persons --from-text included — works from the cache alone, the --from/--to/--page/
--genre/--title filters apply as on the raw files, and the summary line, --verbose and
--strict report what reading the raw files reports. And the words: those of each article's
titles (kicker, title, subtitles) and of its body, as cut, before any filtering, as ids into
the cache's vocabulary; each analysis applies its own filters (--stopwords, --no-stopwords,
--min-len, --keep-punct, --keep-numbers, --keep-latin) and --titles when it reads them, so
one cache serves them all.

Settings check: how the text was cut is fixed in the cache: the segmenter (gse's version and
dictionary, and ours), --hmm, --dict (the file's SHA-256) and whether the corpus's own words
were added (--no-corpus-words). An analysis of the cache that gives one of these flags with
another value stops with an error that names both; one that does not give them uses the
cache's. The sources' paths, sizes and modification times are recorded: an analysis warns
when they changed since ("sources changed since indexing"; up to 10,000 of them, evenly
spread, are compared at each run), and still works (the cache needs them no more).

The file is written whole or not at all (to FILE.tmpNNN, then renamed), and its bytes depend
only on the corpus and the flags, not on --workers.

` + wordFlagsHelp,
		Args: cobra.ArbitraryArgs,
		RunE: func(c *cobra.Command, args []string) error { return runIndex(io, o, args) },
	}
	f := c.Flags()
	f.IntVar(&o.workers, "workers", 0, "cores to use (default: all; at most 4 per CPU); the file is the same whatever the number")
	f.BoolVar(&o.strict, "strict", false, "exit with status 2 if reading produced any diagnostic (the cache is written all the same)")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "print each diagnostic on stderr (file:line: kind: message)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print nothing on stderr but errors (no summary, no progress bar)")
	f.StringVarP(&o.output, "output", "o", "", "write the cache to `FILE` (.bki; required)")
	f.StringVar(&o.taggedPaper, "tagged-paper", "", "the paper `NAME` of the tagged export's articles, kept in the cache (e.g. 解放军报); the JSON forms name theirs")
	addSegmentFlags(c, &o.wordFlags)
	return c
}

func runIndex(io *streams, o *indexOptions, args []string) error {
	if o.output == "" || o.output == "-" {
		return errors.New("index: give the cache file with -o FILE.bki")
	}
	if p, err := cacheArg(args); err != nil || p != "" {
		if err != nil {
			return err
		}
		return fmt.Errorf("%s is already a cache: index the raw files", p)
	}
	for _, a := range args {
		if same, _ := samePath(a, o.output); same {
			return fmt.Errorf("-o %s would overwrite a source", o.output)
		}
	}

	// The words are stored unfiltered and titles apart from bodies: the filter keeps every
	// token, and the tokenizer cuts the titles too.
	var corpusWords *tokens.CorpusWords
	o.onCorpusWords = func(w tokens.CorpusWords) { corpusWords = &w }
	tok, err := o.tokenizer(io, &o.corpusOptions, args)
	if err != nil {
		return err
	}
	tok.Filter = segmentFilterAll()
	tok.Text = tokens.TitleAndBody

	file, err := cache.CreateTemp(o.output)
	if err != nil {
		return err
	}
	fail := func(err error) error { file.Abort(); return err }
	b := cache.NewBuilder(len(args) > 0)
	o.onFileInfo = b.OnFileInfo
	s, err := o.open(io, args)
	if err != nil {
		return fail(err)
	}
	// The header holds the settings, which need the corpus words' hash: the segmenter is
	// built (and the words gathered) by now.
	settings, err := o.segmentSettings(corpusWords)
	if err == nil {
		var w *cache.Writer
		if w, err = cache.NewWriter(file, settings); err == nil {
			b.Start(w)
			err = tok.EachKeyed(s.reader, b.Add)
		}
	}
	closeErr := s.close()
	if err == nil {
		err = b.Finish(s.reader.Summary())
	}
	if err != nil {
		return fail(err)
	}
	if err := file.Commit(); err != nil {
		return err
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: wrote %s: %d words in the vocabulary (%s)\n", o.output, b.Writer().Terms(), describeSettings(cache.Header{Settings: settings}))
	}
	return closeErr
}

// sourceOf returns the file on disk a path of the reader's stream comes from (cache.SourceOf).
func sourceOf(path string) string { return cache.SourceOf(path) }

func samePath(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}

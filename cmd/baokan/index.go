package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/tokens"
	"github.com/baokan/baokan/analysis/tokens/cache"
	"github.com/baokan/baokan/corpus"
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

	// A fresh temporary name beside the output: a FILE.tmp of the user's is not replaced.
	file, err := os.CreateTemp(filepath.Dir(o.output), filepath.Base(o.output)+".tmp*")
	if err != nil {
		return err
	}
	tmp := file.Name()
	if err := file.Chmod(0o644); err != nil { // CreateTemp makes 0600; a cache is to share
		file.Close()
		os.Remove(tmp)
		return err
	}
	fail := func(err error) error {
		file.Close()
		os.Remove(tmp)
		return err
	}

	// Files come from the reader's goroutine ahead of their articles; the writer takes them
	// in order as the articles arrive.
	var mu sync.Mutex
	var files []corpus.FileInfo
	o.onFileInfo = func(f corpus.FileInfo) {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
	}
	var w *cache.Writer
	var sources []cache.Source
	remaining := 0
	// takeFiles writes the files queued so far up to the one holding the next article
	// (all of them at the end).
	takeFiles := func(all bool) error {
		mu.Lock()
		defer mu.Unlock()
		for remaining == 0 && len(files) > 0 {
			f := files[0]
			files[0] = corpus.FileInfo{}
			files = files[1:] // the queue holds the files read ahead only
			if err := w.AddFile(f); err != nil {
				return err
			}
			// An archive's members come one after the other: one source for them all.
			if src := sourceOf(f.Path); len(args) > 0 && (len(sources) == 0 || sources[len(sources)-1].Path != src) {
				sources = append(sources, cache.Source{Path: src})
			}
			remaining = f.Articles
			if all && remaining > 0 {
				return fmt.Errorf("index: %s: articles missing", f.Path)
			}
		}
		return nil
	}

	s, err := o.open(io, args)
	if err != nil {
		return fail(err)
	}
	// The header holds the settings, which need the corpus words' hash: the segmenter is
	// built (and the words gathered) by now.
	settings, err := o.segmentSettings(corpusWords)
	if err != nil {
		s.close()
		return fail(err)
	}
	w, err = cache.NewWriter(file, settings)
	if err != nil {
		s.close()
		return fail(err)
	}
	err = tok.EachKeyed(s.reader, func(a *corpus.Article, words []string, keys []uint32, titles int) error {
		if err := takeFiles(false); err != nil {
			return err
		}
		remaining--
		return w.AddArticle(a, words, keys, titles)
	})
	if err == nil {
		err = takeFiles(true)
	}
	closeErr := s.close()
	if err != nil {
		return fail(err)
	}
	// The sources as they are once read.
	base, _ := os.Getwd()
	for i := range sources {
		p := sources[i].Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(base, p)
		}
		if info, err := os.Stat(p); err == nil {
			sources[i].Size, sources[i].ModTime = info.Size(), info.ModTime().UnixNano()
		}
	}
	if len(args) == 0 {
		base = "" // the embedded sample: no file to check
	}
	if err := w.Finish(s.reader.Summary(), base, sources); err != nil {
		return fail(err)
	}
	if err := file.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, o.output); err != nil {
		os.Remove(tmp)
		return err
	}
	if !o.quiet {
		fmt.Fprintf(io.err, "baokan: wrote %s: %d words in the vocabulary (%s)\n", o.output, w.Terms(), describeSettings(cache.Header{Settings: settings}))
	}
	return closeErr
}

// sourceOf returns the file on disk a path of the reader's stream comes from: the archive
// for ARCHIVE!MEMBER, the path itself otherwise.
func sourceOf(path string) string {
	if i := strings.Index(path, "!"); i > 0 {
		if a := strings.ToLower(path[:i]); strings.HasSuffix(a, ".zip") || strings.HasSuffix(a, ".tar.gz") || strings.HasSuffix(a, ".tgz") {
			return path[:i]
		}
	}
	return path
}

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

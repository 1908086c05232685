package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/pipeline"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/analysis/tokens"
)

// wordFlags configure segmentation and token filtering.
type wordFlags struct {
	hmm           bool
	dict          string
	stopwords     string
	noStopwords   bool
	minLen        int
	keepPunct     bool
	keepNumbers   bool
	keepLatin     bool
	noCorpusWords bool
	noNewWords    bool
	noNames       bool
	titles        bool

	extraWords []segment.Word // words a command asks about, kept whole (not a flag)

	flags *pflag.FlagSet // to tell the flags given from the defaults

	onCorpusWords func(tokens.CorpusWords) // for 'baokan index', which records their hash
	// reread: the command takes a second pass over the words (not a flag); from raw files the
	// first pass keeps them, so that the second does not segment again.
	reread bool
}

const wordFlagsHelp = `Words: the body paragraphs (with --titles also kicker, title and subtitles) are cut
by gse's shortest-path segmentation (--hmm: DAG + HMM, which finds words missing from the
dictionary, many times slower). Before cutting, the persons of the corpus's RW lists (as
'baokan persons' resolves them) and its GJ topics that pass a conservative rule are added to
the dictionary, so that 赫鲁晓夫 or 中苏友好协会 stay whole (--no-corpus-words to skip that
first pass); so are the personal names and the new words found in the corpus's own text
(see 'baokan newwords --help' for the rules; --no-names, --no-new-words to leave them out),
so that 吕行硕 stays whole where gse's dictionary would cut 吕 / 行 / 硕. They are taken from
the whole corpus, whatever the filters keep, so that an article is cut the same way whatever
the filters. --dict adds a user dictionary (lines: word [freq] [pos]).
Filters, by default: the built-in Chinese stop-word list (plus --stopwords FILE; none with
--no-stopwords), punctuation, numbers and Latin-letter tokens dropped (--keep-punct,
--keep-numbers, --keep-latin), words shorter than --min-len characters dropped (default 1).
From a cache made by 'baokan index' (CORPUS is the .bki file alone) the words were cut when
it was made: --hmm, --dict, --no-corpus-words, --no-names and --no-new-words, when given, must match how (else an error
says so); the filters and --titles apply as given.`

func addWordFlags(c *cobra.Command, o *wordFlags) {
	addSegmentFlags(c, o)
	f := c.Flags()
	f.StringVar(&o.stopwords, "stopwords", "", "add the stop words of `FILE` (one a line) to the built-in list")
	f.BoolVar(&o.noStopwords, "no-stopwords", false, "drop no stop word (not even the built-in list)")
	f.IntVar(&o.minLen, "min-len", 1, "drop words shorter than `N` characters")
	f.BoolVar(&o.keepPunct, "keep-punct", false, "keep punctuation tokens")
	f.BoolVar(&o.keepNumbers, "keep-numbers", false, "keep number tokens (1962, ２.５, ②)")
	f.BoolVar(&o.keepLatin, "keep-latin", false, "keep tokens of Latin letters (NATO)")
	f.BoolVar(&o.titles, "titles", false, "segment kicker, title and subtitles as well as the body")
}

// addSegmentFlags adds the flags that change how text is cut (those a cache records).
func addSegmentFlags(c *cobra.Command, o *wordFlags) {
	f := c.Flags()
	o.flags = f
	f.BoolVar(&o.hmm, "hmm", false, "segment with DAG + HMM (finds unknown words; much slower)")
	f.StringVar(&o.dict, "dict", "", "add the words of a user dictionary `FILE` (lines: word [freq] [pos])")
	f.BoolVar(&o.noCorpusWords, "no-corpus-words", false, "do not add the corpus's RW persons and GJ topics, nor the names and words found in its text, to the dictionary (saves a first pass)")
	f.BoolVar(&o.noNewWords, "no-new-words", false, "do not add the new words found in the corpus's text (character n-gram statistics) to the dictionary")
	f.BoolVar(&o.noNames, "no-names", false, "do not add the personal names found in the corpus's text to the dictionary")
}

// filter builds the token filter from the flags.
func (o *wordFlags) filter() (segment.Filter, error) {
	f := segment.DefaultFilter()
	if o.noStopwords {
		f.StopWords = segment.WordSet{}
	}
	if o.stopwords != "" {
		file, err := os.Open(o.stopwords)
		if err != nil {
			return f, fmt.Errorf("--stopwords: %w", err)
		}
		extra, err := segment.LoadStopWords(file)
		file.Close()
		if err != nil {
			return f, fmt.Errorf("--stopwords %s: %w", o.stopwords, err)
		}
		for w := range extra {
			f.StopWords.Add(w)
		}
	}
	if o.minLen < 0 {
		return f, fmt.Errorf("--min-len %d: want 0 or more", o.minLen)
	}
	f.MinLen = o.minLen
	f.KeepPunct, f.KeepNumbers, f.KeepLatin = o.keepPunct, o.keepNumbers, o.keepLatin
	return f, nil
}

// segmentOptions reads --dict and sets --hmm.
func (o *wordFlags) segmentOptions() (segment.Options, error) {
	opts := segment.Options{HMM: o.hmm}
	if o.dict != "" {
		file, err := os.Open(o.dict)
		if err != nil {
			return opts, fmt.Errorf("--dict: %w", err)
		}
		words, err := segment.ParseDict(file)
		file.Close()
		if err != nil {
			return opts, fmt.Errorf("--dict %s: %w", o.dict, err)
		}
		opts.Words = words
	}
	opts.Words = append(opts.Words, o.extraWords...)
	return opts, nil
}

// findsWords reports whether the corpus-words pass searches the text for names or new words.
func (o *wordFlags) findsWords() bool { return !o.noCorpusWords && (!o.noNewWords || !o.noNames) }

// finder returns the finder of names and new words the flags ask for, nil for none.
func (o *wordFlags) finder() *lexicon.Finder {
	if !o.findsWords() {
		return nil
	}
	return lexicon.NewFinder(lexicon.Options{NoNames: o.noNames, NoWords: o.noNewWords})
}

// config is the pipeline configuration the flags ask for.
func (o *wordFlags) config(co *corpusOptions) (pipeline.Config, error) {
	// The segmenter's dictionary keeps about 200 MB live: the GOGC=400 that suits the
	// reader's small heap would let the heap grow past 1 GB.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	filter, err := o.filter()
	if err != nil {
		return pipeline.Config{}, err
	}
	sopts, err := o.segmentOptions()
	if err != nil {
		return pipeline.Config{}, err
	}
	cfg := pipeline.Config{
		Segment:       sopts,
		Filter:        filter,
		Titles:        o.titles,
		CorpusWords:   !o.noCorpusWords,
		Workers:       co.cores(),
		Reread:        o.reread,
		OnCorpusWords: o.onCorpusWords,
	}
	if o.findsWords() {
		cfg.Find = &lexicon.Options{NoNames: o.noNames, NoWords: o.noNewWords}
	}
	return cfg, nil
}

// tokenizer builds the segmenter, after a first pass over the corpus for its words unless
// --no-corpus-words, and the filter (pipeline.New).
func (o *wordFlags) tokenizer(io *streams, co *corpusOptions, args []string) (*tokens.Tokenizer, error) {
	cfg, err := o.config(co)
	if err != nil {
		return nil, err
	}
	cfg.Reread = false
	ws := &wordStream{io: io, co: co, args: args}
	p, err := pipeline.New(cfg, ws.open)
	if err != nil {
		return nil, err
	}
	p.Close()
	return p.Tokenizer(), nil
}

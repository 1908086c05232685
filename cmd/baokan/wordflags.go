package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/baokan/baokan/analysis/persons"
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
	titles        bool

	extraWords []segment.Word // words a command asks about, kept whole (not a flag)
}

const wordFlagsHelp = `Words: the body paragraphs (with --titles also kicker, title and subtitles) are cut
by gse's shortest-path segmentation (--hmm: DAG + HMM, which finds words missing from the
dictionary, many times slower). Before cutting, the persons of the corpus's RW lists (as
'baokan persons' resolves them) and its GJ topics that pass a conservative rule are added to
the dictionary, so that 赫鲁晓夫 or 中苏友好协会 stay whole (--no-corpus-words to skip that
first pass); --dict adds a user dictionary (lines: word [freq] [pos]).
Filters, by default: the built-in Chinese stop-word list (plus --stopwords FILE; none with
--no-stopwords), punctuation, numbers and Latin-letter tokens dropped (--keep-punct,
--keep-numbers, --keep-latin), words shorter than --min-len characters dropped (default 1).`

func addWordFlags(c *cobra.Command, o *wordFlags) {
	f := c.Flags()
	f.BoolVar(&o.hmm, "hmm", false, "segment with DAG + HMM (finds unknown words; much slower)")
	f.StringVar(&o.dict, "dict", "", "add the words of a user dictionary `FILE` (lines: word [freq] [pos])")
	f.StringVar(&o.stopwords, "stopwords", "", "add the stop words of `FILE` (one a line) to the built-in list")
	f.BoolVar(&o.noStopwords, "no-stopwords", false, "drop no stop word (not even the built-in list)")
	f.IntVar(&o.minLen, "min-len", 1, "drop words shorter than `N` characters")
	f.BoolVar(&o.keepPunct, "keep-punct", false, "keep punctuation tokens")
	f.BoolVar(&o.keepNumbers, "keep-numbers", false, "keep number tokens (1962, ２.５, ②)")
	f.BoolVar(&o.keepLatin, "keep-latin", false, "keep tokens of Latin letters (NATO)")
	f.BoolVar(&o.noCorpusWords, "no-corpus-words", false, "do not add the corpus's RW persons and GJ topics to the dictionary (saves a first pass)")
	f.BoolVar(&o.titles, "titles", false, "segment kicker, title and subtitles as well as the body")
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

// tokenizer builds the segmenter, after a first pass over the corpus for its words unless
// --no-corpus-words, and the filter.
func (o *wordFlags) tokenizer(io *streams, co *corpusOptions, args []string) (*tokens.Tokenizer, error) {
	// The segmenter's dictionary keeps about 200 MB live: the GOGC=400 that suits the
	// reader's small heap would let the heap grow past 1 GB.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(100)
	}
	filter, err := o.filter()
	if err != nil {
		return nil, err
	}
	sopts, err := o.segmentOptions()
	if err != nil {
		return nil, err
	}
	if !o.noCorpusWords {
		// A first pass over the corpus for its words, while the dictionary loads; the user's
		// words are added after them, so they win.
		sopts.Gather = func() ([]segment.Word, []string, error) {
			quiet := *co
			quiet.quiet, quiet.verbose, quiet.strict = true, false, false // the main pass reports
			quiet.skipBody = true                                         // RW lists and topics only
			s, err := quiet.open(io, args)
			if err != nil {
				return nil, nil, err
			}
			words, err := tokens.CollectCorpusWords(s.reader, persons.NewResolver(persons.Options{}))
			s.close()
			if err != nil {
				return nil, nil, err
			}
			extra := words.Options(segment.Options{})
			return extra.Words, extra.Candidates, nil
		}
	}
	seg, err := segment.New(sopts)
	if err != nil {
		return nil, err
	}
	text := tokens.Body
	if o.titles {
		text = tokens.TitleAndBody
	}
	return &tokens.Tokenizer{Segmenter: seg, Filter: filter, Text: text}, nil // one per core
}

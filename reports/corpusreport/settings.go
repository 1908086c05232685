package corpusreport

import (
	"fmt"
	"strings"
)

// WordSettings say how the words were cut and filtered, for the methods' parameters
// (the word flags of the command).
type WordSettings struct {
	HMM                               bool   // gse DAG + HMM, else the shortest path
	Dict                              string // the user dictionary, if any
	CorpusWords                       bool   // the corpus's RW persons and GJ topics added to the dictionary
	TermsAdded                        bool   // the followed words (Options.Terms) added to the dictionary
	NoStopwords                       bool
	Stopwords                         string // a stop word file added to the built-in list
	KeepPunct, KeepNumbers, KeepLatin bool
	Titles                            bool // kicker, title and subtitles segmented with the body
	MinLen                            int  // words shorter than this dropped (0, 1: none)
}

// params are the parameter rows of s.
func (wf WordSettings) params() [][]any {
	seg := "gse shortest path (dictionary)"
	if wf.HMM {
		seg = "gse DAG + HMM (--hmm)"
	}
	if wf.Dict != "" {
		seg += ", user dictionary " + wf.Dict
	}
	if wf.CorpusWords {
		seg += ", with the corpus's RW persons and GJ topics added to the dictionary"
	}
	if wf.TermsAdded {
		seg += "; the --term words added to the dictionary (as 'baokan timeline --term' does; for 'baokan terms' give them in a --dict file)"
	}
	stop := "built-in Chinese list"
	switch {
	case wf.NoStopwords:
		stop = "none (--no-stopwords)"
	case wf.Stopwords != "":
		stop += " + " + wf.Stopwords
	}
	var kept []string
	for _, k := range []struct {
		on   bool
		name string
	}{{wf.KeepPunct, "punctuation"}, {wf.KeepNumbers, "numbers"}, {wf.KeepLatin, "Latin-letter tokens"}} {
		if k.on {
			kept = append(kept, k.name)
		}
	}
	dropped := "punctuation, numbers and Latin-letter tokens dropped"
	if len(kept) > 0 {
		dropped += " (but kept: " + strings.Join(kept, ", ") + ")"
	}
	text := "body paragraphs"
	if wf.Titles {
		text = "kicker, title, subtitles and body paragraphs (--titles)"
	}
	return [][]any{
		{"text segmented", text},
		{"segmentation", seg},
		{"stop words", stop},
		{"token filters", dropped + minLenText(wf.MinLen)},
	}
}

func minLenText(n int) string {
	if n <= 1 {
		return "; no minimum length"
	}
	return fmt.Sprintf("; words shorter than %d characters dropped", n)
}

// PersonSettings say how the RW lists were resolved (the person flags of the command).
type PersonSettings struct {
	Aliases string // an alias file added to the built-in table
	ByDate  bool   // persons sharing a name told apart by the article's date
}

// params are the parameter rows of s.
func (o PersonSettings) params() [][]any {
	aliases := "the built-in table"
	if o.Aliases != "" {
		aliases += " + " + o.Aliases
	}
	byDate := "no"
	if o.ByDate {
		byDate = "yes (--by-date)"
	}
	return [][]any{
		{"persons: source", "RW lists (the indexers' persons), resolved as 'baokan persons'"},
		{"persons: aliases", aliases},
		{"persons: same names told apart by date", byDate},
	}
}

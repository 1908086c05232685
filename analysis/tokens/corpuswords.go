package tokens

import (
	"errors"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/baokan/baokan/analysis/lexicon"
	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
)

// CorpusWords are the words a corpus teaches the segmenter before it cuts: the persons of
// its RW lists, as the persons layer resolves them (so that 赫鲁晓夫 or 福田赳夫 stay whole
// and a run-together entry such as 刘少奇周恩来陈毅 gives three names, never one word), and
// its GJ topics (中苏友好协会), which segment.New adds only when they pass its conservative
// candidate rule; and, when asked, the names and new words found in its text
// (analysis/lexicon), which segment.New adds only where its dictionary needs them.
type CorpusWords struct {
	Persons []string        // distinct, sorted
	Topics  []string        // distinct, sorted
	Found   []lexicon.Entry // names, then words, each sorted; nil unless asked for
}

// Options returns segment options that add the corpus words: persons as words with the
// automatic frequency and the person tag nr, topics as candidates, names found (tag nr;
// those with middle dots part by part) and new words (no tag) as found words.
func (w CorpusWords) Options(o segment.Options) segment.Options {
	for _, p := range w.Persons {
		o.Words = append(o.Words, segment.Word{Text: p, Pos: "nr"})
	}
	o.Candidates = append(o.Candidates, w.Topics...)
	for _, e := range w.Found {
		if e.Kind != lexicon.KindName {
			o.Found = append(o.Found, segment.Word{Text: e.Text})
			continue
		}
		// A name with middle dots is added part by part (尼·谢·赫鲁晓夫 → 赫鲁晓夫): each
		// part is then counted whole, also where it stands alone.
		for _, part := range strings.FieldsFunc(e.Text, lexicon.IsNameDot) {
			if utf8.RuneCountInString(part) >= 2 {
				o.Found = append(o.Found, segment.Word{Text: part, Pos: "nr"})
			}
		}
	}
	return o
}

// CollectCorpusWords reads every article of src (a first pass over the corpus: parsing
// only, no segmentation) and returns its persons and topics. resolver may carry user
// aliases; a new one is made when it is nil. Persons of one character are left out: they
// are abbreviations (毛, 周), and as words they would change how every sentence is cut.
func CollectCorpusWords(src Source, resolver *persons.Resolver) (CorpusWords, error) {
	return CollectCorpusWordsFinding(src, resolver, nil)
}

// CollectCorpusWordsFinding is CollectCorpusWords that also gives every article, in corpus
// order, to finder (nil: none), which needs the articles' text, and returns what it found
// (the corpus's RW persons made known to it).
func CollectCorpusWordsFinding(src Source, resolver *persons.Resolver, finder *lexicon.Finder) (CorpusWords, error) {
	if resolver == nil {
		resolver = persons.NewResolver(persons.Options{})
	}
	// Every list learned before any is resolved (persons.NameSet).
	lists := persons.NewNameSet(resolver)
	topics := map[string]bool{}
	for {
		a, err := src.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return CorpusWords{}, err
		}
		if len(a.RW) > 0 {
			lists.Add(a.RW)
			if finder != nil {
				finder.Known(a.RW)
			}
		}
		for _, t := range a.Topics {
			topics[t] = true
		}
		if finder != nil {
			finder.Add(a)
		}
	}
	// Undated: the words are the names as printed (布什), whoever they denote.
	w := CorpusWords{Persons: lists.Names(2), Topics: sortedKeys(topics)}
	if finder != nil {
		finder.Known(w.Persons)
		w.Found = finder.Result()
	}
	return w, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

package lexicon

import (
	"cmp"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/baokan/baokan/analysis/persons"
	"github.com/baokan/baokan/analysis/segment"
	"github.com/baokan/baokan/corpus"
)

// Kinds of Entry.
const (
	KindName = "name"
	KindWord = "word"
)

// Kinds of names (Entry.NameKind).
const (
	NameChinese  = "chinese"
	NameForeign  = "foreign"
	NameJapanese = "japanese"
	NameKorean   = "korean"
)

// Thresholds (see the package documentation).
const (
	MinArticleRepeats  = 3
	MinArticleContexts = 1
	MinCorpusContexts  = 3
	MinCorpusArticles  = 2
	MaxWordLen         = 4
	MinWordCount       = 5
	MinCohesion        = 7.0 // bits, for 2 characters; one more per further character
	MinEntropy         = 2.0 // bits
	DefaultSampleChars = 3_000_000
)

// Entry is a name or a word found, with its evidence.
type Entry struct {
	Text     string
	Kind     string // KindName or KindWord
	NameKind string // for names: NameChinese, NameForeign, NameJapanese, NameKorean
	// Count and Articles: occurrences and articles (names: over every article, as found by
	// the scan; words: over the sample). Contexts: occurrences of a name in a name context.
	Count, Articles, Contexts int
	// Cohesion, LeftEntropy, RightEntropy in bits (see the package documentation); for
	// names, computed over the sample when the name is in it, else 0.
	Cohesion, LeftEntropy, RightEntropy float64
	First, Last                         corpus.Date // dates of the first and last article it was found in
}

// Options configure a Finder.
type Options struct {
	NoNames, NoWords bool
	// Known persons (the RW persons of the corpus): never names found again, and skipped
	// whole by the name scan. analysis/persons' built-in names are added.
	Known []string
	// SampleChars bounds the Han characters counted for new words (0: DefaultSampleChars).
	SampleChars int
	// Workers scan for names at once (0: runtime.GOMAXPROCS(0)); the result is the same
	// whatever their number.
	Workers int
	// Dictionary tells whether a string is a word of the segmentation dictionary, and
	// whether that word is tagged a person name; it bounds names where the text gives no
	// other sign (see the package documentation). Nil: gse's dictionary as analysis/segment
	// reads it (segment.DictionaryLookup).
	Dictionary func(word string) (ok, nr bool)
}

// Finder reads articles one at a time, in corpus order, and finds names and new words.
type Finder struct {
	opts  Options
	known map[string]bool
	// knownByFirst: known names by first character, longest first.
	knownByFirst map[rune][][]rune // first characters outside the BMP
	knownIdx     []uint16          // by first character (BMP): 1 + index into knownGroups, 0 none
	knownGroups  [][][]rune        // known names by first character, longest first
	skip         map[string]bool
	builtin      map[string]bool // analysis/persons' built-in names
	rw           map[string]bool // the persons given by Known (RW lists): words already
	met          map[string]*nameStat
	dict         func(word string) (ok, nr bool)
	names        map[string]*nameStat
	sample       sampler
	articles     int

	// The name scan runs on workers; their tallies add up whatever the order.
	mu   sync.Mutex
	jobs chan nameJob
	wg   sync.WaitGroup
}

type nameJob struct {
	date  corpus.Date
	texts []string
}

// NewFinder returns a Finder.
func NewFinder(opts Options) *Finder {
	if opts.SampleChars <= 0 {
		opts.SampleChars = DefaultSampleChars
	}
	f := &Finder{opts: opts, known: map[string]bool{}, knownByFirst: map[rune][][]rune{}, knownIdx: make([]uint16, 0x10000),
		names: map[string]*nameStat{}}
	f.sample.limit = opts.SampleChars
	f.sample.ids = map[rune]uint16{}
	// Known persons, and places (俄罗斯: no 罗斯 inside), are skipped whole by the name scan.
	f.skip = map[string]bool{}
	f.addSkip(persons.Places(), false)
	aliases := slices.Sorted(maps.Keys(persons.BuiltinAliases())) // 毛主席, 周总理
	f.addSkip(aliases, false)
	f.builtin, f.rw, f.met = map[string]bool{}, map[string]bool{}, map[string]*nameStat{}
	for _, n := range persons.BuiltinNames() {
		f.builtin[n] = true
	}
	f.addSkip(persons.BuiltinNames(), true)
	f.Known(opts.Known)
	return f
}

// start starts the name workers. The skip list is fixed from then on: Known only marks
// names to leave out of the result, so that what a worker sees does not depend on timing.
func (f *Finder) start() {
	if f.jobs != nil || f.opts.NoNames {
		return
	}
	f.dict = f.opts.Dictionary
	if f.dict == nil {
		if l, err := segment.DictionaryLookup(); err == nil {
			f.dict = l.Word
		} else {
			f.dict = func(string) (bool, bool) { return false, false }
		}
	}
	n := f.opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	f.jobs = make(chan nameJob, 4*n)
	for range n {
		f.wg.Add(1)
		go func() {
			defer f.wg.Done()
			for j := range f.jobs {
				f.scanNames(j.date, j.texts)
			}
		}()
	}
}

// Known adds known persons (an article's RW entries as they come, the resolved persons of
// the corpus at the end): the name scan skips them whole from then on, and they are never
// found as names or words.
func (f *Finder) Known(names []string) {
	for _, k := range names {
		f.rw[k] = true
	}
	if f.jobs != nil {
		for _, k := range names {
			f.known[k] = true
		}
		return
	}
	f.addSkip(names, true)
}

func (f *Finder) addSkip(list []string, known bool) {
	for _, k := range list {
		r := []rune(k)
		if len(r) < 2 {
			continue
		}
		if known {
			f.known[k] = true
		}
		if f.skip[k] {
			continue
		}
		f.skip[k] = true
		var ks [][]rune
		c := r[0]
		if c < 0x10000 && f.knownIdx[c] == 0 {
			f.knownGroups = append(f.knownGroups, nil)
			f.knownIdx[c] = uint16(len(f.knownGroups))
		}
		if c < 0x10000 {
			ks = append(f.knownGroups[f.knownIdx[c]-1], r)
		} else {
			ks = append(f.knownByFirst[c], r)
		}
		slices.SortFunc(ks, func(a, b []rune) int {
			if d := len(b) - len(a); d != 0 {
				return d
			}
			return slices.Compare(a, b)
		})
		if c < 0x10000 {
			f.knownGroups[f.knownIdx[c]-1] = ks
		} else {
			f.knownByFirst[c] = ks
		}
	}
}

// Add reads one article: its kicker, title, subtitles and body.
func (f *Finder) Add(a *corpus.Article) {
	texts := make([]string, 0, 3+len(a.Subtitles)+len(a.Body))
	texts = append(texts, a.Kicker, a.Title)
	texts = append(texts, a.Subtitles...)
	texts = append(texts, a.Body...)
	f.AddTexts(a.Date, texts...)
}

// AddTexts reads the texts of one article dated date.
func (f *Finder) AddTexts(date corpus.Date, texts ...string) {
	if !f.opts.NoNames {
		f.start()
		f.jobs <- nameJob{date, texts}
	}
	if !f.opts.NoWords {
		f.sample.add(f.articles, date, texts)
	}
	f.articles++
}

// Result returns the names and new words found, names first, each sorted by text. A
// string that is both is a name.
func (f *Finder) Result() []Entry {
	if f.jobs != nil {
		close(f.jobs)
		f.wg.Wait()
		f.jobs = nil
	}
	var out []Entry
	isName := map[string]bool{}
	if !f.opts.NoNames {
		out = f.acceptedNames()
		for _, e := range out {
			isName[e.Text] = true
		}
	}
	if !f.opts.NoWords {
		for _, w := range f.sample.words() {
			if !isName[w.Text] && !f.known[w.Text] {
				out = append(out, w)
			}
		}
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if a.Kind != b.Kind {
			return cmp.Compare(a.Kind, b.Kind) // name before word
		}
		return strings.Compare(a.Text, b.Text)
	})
	return out
}

// functionChars are characters that are words of their own (particles, prepositions,
// conjunctions, copula, pronouns): no given name or new word starts or ends with one here.
// Written for this package from the built-in stop words of analysis/segment.
const functionChars = "的了是在和与及等这那个们也就都而但又很更最所并把被从向到将已对为以之其于着过吗呢吧啊" +
	"说给让使由或若如该此每各某些您你我他她它谁哪什么没不无非仍还再才只曾即乃则却"

func isFunctionChar(c rune) bool { return class(c)&classFunction != 0 }

func isHan(c rune) bool { return class(c)&classHan != 0 }

func earlier(a, b corpus.Date) bool { return a.Compare(b) < 0 }

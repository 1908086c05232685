package segment

import (
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/baokan/baokan"
	"github.com/baokan/baokan/corpus"
	"github.com/go-ego/gse"
)

// gseSpans is the reference: gse v0.80.3's own shortest-path Segment, as this package used
// it before shortest.go, white-space words left out. gse.Segment reports byte offsets into
// its input, whose length its lower-casing keeps (ASCII letters only), so the spans index
// text itself.
func (s *Segmenter) gseSpans(t testing.TB, text string) []Span {
	var out []Span
	if text == "" {
		return out
	}
	for _, seg := range gseOf(t, s).Segment([]byte(text)) {
		start, end := seg.Start(), seg.End()
		if !isSpace(text[start:end]) {
			out = append(out, Span{start, end})
		}
	}
	return out
}

// identity compares our spans and words with gse's on every text and reports the first
// differences; it returns the number of texts compared.
func identity(t *testing.T, s *Segmenter, name string, texts []string) int {
	t.Helper()
	bad := 0
	var spans []Span
	var words []string
	for i, text := range texts {
		want := s.gseSpans(t, text)
		spans = s.AppendSpans(spans[:0], text)
		words = s.AppendTokens(words[:0], text)
		same := slices.Equal(spans, want) && len(words) == len(want)
		for k := 0; same && k < len(want); k++ {
			same = words[k] == text[want[k].Start:want[k].End]
		}
		if !same {
			bad++
			if bad <= 3 {
				t.Errorf("%s text %d %q:\n ours %v\n gse  %v", name, i, clip(text), spanWords(text, spans), spanWords(text, want))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%s: %d of %d texts differ from gse's Segment", name, bad, len(texts))
	}
	return len(texts)
}

func spanWords(text string, spans []Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// edgeCases are texts chosen to exercise every branch of gse's unit splitting and of the
// path search: empty, ASCII only, letter/number runs next to Chinese, upper case (looked up
// lower-cased, returned as written), full-width digits and letters (3 bytes: single units),
// Latin-1 and Greek letters (2 bytes: in runs), emoji and other runes outside the BMP,
// invalid UTF-8 (alone, truncated characters, inside runs), U+FFFD itself, U+3000 and other
// white space, NUL, words of the dictionary that contain letters (卡拉OK, T恤), long runs.
var edgeCases = []string{
	"", " ", "　", "\t\n", "a", "A", "1", "ABC", "hello world", "NATO", "nato", "Nato成员国",
	"NATO成员国2003年", "NATO组织", "nato组织", "北约即NATO组织。", "2003年10月1日", "１９９７年７月１日",
	"ＮＡＴＯ成员国", "卡拉OK厅", "卡拉ok厅", "T恤衫", "t恤衫", "B超检查", "AA制", "X光片",
	"café和naïve", "Ελλάδα希腊", "Москва莫斯科", "ÀÉÎ大写", "3.14159和½", "Ⅻ罗马数字Ⅳ", "²³⁴上标",
	"😀中国🇨🇳人民😀", "𠀀𠀁生僻字𪚥", "\xff", "\xff\xfe中国", "中\xe4\xb8国", "中国\xe4\xb8", "\xe4\xb8\xad\xe5",
	"ab\xffcd", "\uFFFD中国\uFFFD", "中　国　人民", "\u3000\u3000全国人民代表大会\u3000", "中 国\t人\n民",
	"a\x00b中\x00国", "，。、；：？！“”‘’（）《》", "...!!!???", "e-mail地址", "U.S.A.美国",
	"iPhone手机和iPad", "MP3播放器", "G20峰会", "5G网络", "COVID-19疫情", "ａｂｃ全角字母ＡＢＣ",
	"中华人民共和国万岁", "研究生命起源", "结婚的和尚未结婚的", "他说的确实在理", "乒乓球拍卖完了",
}

// longLines are texts beyond 10,000 characters: repeated news text, one run of 20,000 ASCII
// letters (a single unit), and 12,000 unknown characters in a row.
func longLines() []string {
	news := strings.Repeat("新华社北京10月1日电 中华人民共和国成立五十周年庆祝大会今天上午在天安门广场隆重举行。", 400)
	return []string{
		news,
		strings.Repeat("Ab", 10000),
		strings.Repeat("𪚥", 12000),
		strings.Repeat("中国NATO，", 3000),
	}
}

func TestShortestPathEdgeCases(t *testing.T) {
	for _, s := range []*Segmenter{plainSegmenter(t), wordsSegmenter(t)} {
		identity(t, s, "edge cases", edgeCases)
		identity(t, s, "long lines", longLines())
	}
	// The cases must reach the branches they are meant for: a word written in upper case
	// is found (NATO组织 added with frequency 900), and a long line gives many words.
	s := wordsSegmenter(t)
	if got := s.Cut("北约即NATO组织。"); !slices.Contains(got, "NATO组织") {
		t.Errorf("Cut = %v, want NATO组织", got)
	}
	if got := s.Cut("中\xe4\xb8国"); !slices.Equal(got, []string{"中", "\xe4", "\xb8", "国"}) {
		// gse: every invalid byte is a unit of its own, missing from the dictionary.
		t.Errorf("invalid bytes: %q", got)
	}
}

// TestUnitsMatchGse compares our unit splitting with gse's SplitTextToWords: same unit
// boundaries, on the edge cases and the PKU test set.
func TestUnitsMatchGse(t *testing.T) {
	s := plainSegmenter(t)
	texts := append(slices.Clone(edgeCases), longLines()...)
	if data, err := os.ReadFile(filepath.Join(sharedDir, "eval/sighan2005/pku_test.utf8")); err == nil {
		texts = append(texts, strings.Split(string(data), "\n")...)
	}
	for _, text := range texts {
		var ends []int32
		ids := s.index.appendUnits(nil, text, &ends, false)
		var want []int32
		pos := 0
		for _, u := range gseOf(t, s).SplitTextToWords([]byte(text)) {
			pos += len(u)
			want = append(want, int32(pos))
		}
		if !slices.Equal(ends, want) || len(ids) != len(ends) {
			t.Fatalf("%q: unit ends %v, gse %v", clip(text), ends, want)
		}
	}
}

func readLines(t *testing.T, rel string) []string {
	t.Helper()
	data, err := os.ReadFile(sharedFile(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(data), "\n")
}

// TestShortestPathMatchesGseSighan: every line of the SIGHAN 2005 PKU and MSR test sets
// (People's Daily and other news, 1,944 + 3,985 lines), with gse's dictionary alone and with
// the added words.
func TestShortestPathMatchesGseSighan(t *testing.T) {
	for _, set := range []string{"pku_test.utf8", "msr_test.utf8"} {
		t.Run(set, func(t *testing.T) {
			lines := readLines(t, "eval/sighan2005/"+set)
			if len(lines) < 1000 {
				t.Fatalf("%s: %d lines", set, len(lines))
			}
			identity(t, plainSegmenter(t), set, lines)
			identity(t, wordsSegmenter(t), set+" with words", lines)
		})
	}
}

// articleTexts returns every paragraph, title and subtitle of the articles read by the
// corpus package.
func articleTexts(arts []*corpus.Article) []string {
	var out []string
	for _, a := range arts {
		out = append(out, a.Title, a.Kicker)
		out = append(out, a.Subtitles...)
		out = append(out, a.Body...)
		out = append(out, strings.Join(a.Body, "")) // a whole article as one text
	}
	return out
}

// TestShortestPathMatchesGseArticles: every paragraph of the real PLA Daily articles
// (../../../shared/corpus/jfjb through corpus.ReadAll) and of the sample embedded in the
// module, with and without added words; the added words must change some cuts, or the
// second comparison would prove nothing new.
func TestShortestPathMatchesGseArticles(t *testing.T) {
	arts, _, err := corpus.ReadAll([]string{sharedFile(t, "corpus/jfjb")}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	texts := articleTexts(arts)
	embedded, err := corpus.OpenFS(baokan.SampleFS, baokan.SampleRoot, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var sample []*corpus.Article
	for a, err := range embedded.All() {
		if err != nil {
			t.Fatal(err)
		}
		sample = append(sample, a)
	}
	embedded.Close()
	if len(arts) == 0 || len(sample) == 0 {
		t.Fatalf("%d articles in jfjb, %d in the embedded sample", len(arts), len(sample))
	}
	sampleTexts := articleTexts(sample)
	plain, words := plainSegmenter(t), wordsSegmenter(t)
	identity(t, plain, "jfjb", texts)
	identity(t, words, "jfjb with words", texts)
	identity(t, plain, "embedded sample", sampleTexts)
	identity(t, words, "embedded sample with words", sampleTexts)
	changed := 0
	for _, text := range texts {
		if !slices.Equal(plain.gseSpans(t, text), words.gseSpans(t, text)) {
			changed++
		}
	}
	if changed == 0 {
		t.Error("the added words change no cut of the articles")
	}
}

// TestShortestPathConcurrent: 32 goroutines share the Segmenters (and their pool of working
// memory) and must all get gse's cut; run with -race.
func TestShortestPathConcurrent(t *testing.T) {
	lines := append(strings.Split(sampleText(t), "\n"), edgeCases...)
	lines = append(lines, longLines()...)
	for _, s := range []*Segmenter{plainSegmenter(t), wordsSegmenter(t)} {
		want := make([][]Span, len(lines))
		for i, l := range lines {
			want[i] = s.gseSpans(t, l)
		}
		const workers = 32
		errs := make(chan string, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var spans []Span
				for k := range lines {
					i := (k*7 + w*len(lines)/workers) % len(lines) // each starts elsewhere
					spans = s.AppendSpans(spans[:0], lines[i])
					if !slices.Equal(spans, want[i]) {
						errs <- fmt.Sprintf("worker %d line %d: %v, gse %v", w, i, spans, want[i])
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	}
}

// TestShortestPathAllocs: once warm, a cut into a reused slice allocates nothing (the race
// detector makes sync.Pool drop entries at random, so the count is only checked without it).
func TestShortestPathAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops entries at random under the race detector")
	}
	s := plainSegmenter(t)
	text := "新华社北京10月1日电 中华人民共和国成立五十周年庆祝大会今天上午在天安门广场隆重举行，NATO成员国😀。"
	buf := make([]string, 0, 64)
	spans := make([]Span, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = s.AppendTokens(buf[:0], text) }); n != 0 {
		t.Errorf("AppendTokens: %v allocations a call", n)
	}
	if n := testing.AllocsPerRun(100, func() { spans = s.AppendSpans(spans[:0], text) }); n != 0 {
		t.Errorf("AppendSpans: %v allocations a call", n)
	}
	if len(buf) < 10 || len(spans) != len(buf) {
		t.Errorf("%d words, %d spans", len(buf), len(spans))
	}
}

// TestIndexSkipsReplacedEntries: a word New re-adds with a new frequency leaves its old
// entry in gse's Tokens (碰头会, 44 in gse, set to 3 by wordsSegmenter); the index must hold
// the new one only, as gse's trie does. On a tiny dictionary, worked out by hand: 甲 and 乙
// at 256 and 甲乙 at 512 (T = 1024) cut 甲乙 whole (1 bit against 2 + 2); re-added at 16, T
// becomes 1040 (gse keeps the removed frequency in the total) and 甲乙 costs
// log2(1040/16) ≈ 6.02 bits against 2·log2(1040/256) ≈ 4.05 for 甲 乙.
func TestIndexSkipsReplacedEntries(t *testing.T) {
	s := wordsSegmenter(t)
	stale := 0
	for i := range gseOf(t, s).Dict.Tokens {
		if gseOf(t, s).Dict.Tokens[i].Text() == "碰头会" {
			stale++
		}
	}
	if stale < 2 {
		t.Fatalf("碰头会 appears %d times in gse's Tokens; the test needs the stale entry", stale)
	}

	tiny := tinySegmenter(t, map[string]float64{"甲": 256, "乙": 256, "甲乙": 512})
	if got := tiny.Cut("甲乙"); !slices.Equal(got, []string{"甲乙"}) {
		t.Errorf("before: Cut = %q, want [甲乙]", got)
	}
	if err := gseOf(t, tiny).ReAddToken("甲乙", 16); err != nil {
		t.Fatal(err)
	}
	gseOf(t, tiny).CalcToken()
	tiny.index = buildIndex(&tiny.gse)
	want := []string{"甲", "乙"}
	if got := gseOf(t, tiny).Cut("甲乙"); !slices.Equal(got, want) {
		t.Errorf("after: gse's Cut = %q, want %q", got, want)
	}
	if got := tiny.Cut("甲乙"); !slices.Equal(got, want) {
		t.Errorf("after: Cut = %q, want %q", got, want)
	}
}

// TestIndexHoldsGseWords checks the index against gse's trie word by word: every entry of
// gse's Tokens that the trie finds (Dictionary.Value gives its own number) is a word of the
// index with the distance gse's CalcToken gives it, float32(log2 T) − float32(log2 f); and
// the index has no other word (its word count equals the number of such entries).
func TestIndexHoldsGseWords(t *testing.T) {
	for _, s := range []*Segmenter{plainSegmenter(t), wordsSegmenter(t)} {
		d := gseOf(t, s).Dict
		logTotal := float32(math.Log2(d.TotalFreq()))
		live := 0
		for i := range d.Tokens {
			key := d.Tokens[i].Text()
			if v, _, err := d.Value([]byte(key)); err != nil || v != i {
				continue // an entry gse's trie no longer leads to
			}
			live++
			e := indexWord(s.index, key)
			if e == nil || e.link&linkWord == 0 {
				t.Fatalf("%q (token %d) is not a word of the index", key, i)
			}
			if want := logTotal - float32(math.Log2(d.Tokens[i].Freq())); e.dist != want {
				t.Fatalf("%q: distance %v, gse's %v", key, e.dist, want)
			}
		}
		words := 0
		for _, e := range s.index.nodes {
			if e.unit != unitEmpty && e.link&linkWord != 0 {
				words++
			}
		}
		if words != live || live < 500000 {
			t.Errorf("index has %d words, gse's trie %d", words, live)
		}
	}
}

// indexWord follows key's units through the index: the edge reaching its last unit, or nil.
func indexWord(ix *wordIndex, key string) *kidSlot {
	p := -1
	for k, u := range ix.appendUnits(nil, key, nil, false) {
		if k == 0 {
			p = ix.start(u)
		} else {
			p = ix.child(ix.nodes[p].link, u)
		}
		if p < 0 {
			return nil
		}
	}
	return &ix.nodes[p]
}

// tinySegmenter builds a Segmenter on a hand-made gse dictionary (frequencies as given,
// gse's AddToken + CalcToken), for path lengths that can be worked out by hand.
func tinySegmenter(t *testing.T, freqs map[string]float64) *Segmenter {
	t.Helper()
	s := &Segmenter{}
	g := &s.gse
	g.SkipLog = true
	g.Dict = gse.NewDict() // no HMM model: gse's Init would write its package globals
	words := slices.Sorted(maps.Keys(freqs))
	for _, w := range words {
		if err := g.AddToken(w, freqs[w]); err != nil {
			t.Fatal(err)
		}
	}
	g.CalcToken()
	s.index = buildIndex(g)
	return s
}

// TestShortestPathByHand works gse's rules out by hand on tiny dictionaries whose total
// frequency T is a power of two, so that every distance log2(T/f) is exact in float32, and
// checks that gse and we both give the expected words.
func TestShortestPathByHand(t *testing.T) {
	cases := []struct {
		name  string
		freqs map[string]float64
		text  string
		want  []string
	}{
		// T = 1024. 甲, 乙: 2 bits each; 甲乙: 4 bits. Both paths cost 4: the first offer
		// (甲乙, made from unit 0 before 乙 is reached) is kept on a tie.
		{"tie keeps the first offer", map[string]float64{"甲": 256, "乙": 256, "甲乙": 64, "丙": 448},
			"甲乙", []string{"甲乙"}},
		// Same, 甲乙 one bit dearer (32): 甲 乙 (4) wins.
		{"cheaper split", map[string]float64{"甲": 256, "乙": 256, "甲乙": 32, "丙": 480},
			"甲乙", []string{"甲", "乙"}},
		// T = 2^32. 甲 costs 0.5 bit (f = 2^31.5), 甲乙 32 bits (f = 1), and 乙 alone is
		// unknown (32 bits): 甲 + 乙 costs 32.5 > 32, so 甲乙 stays whole. With an unknown
		// character at 31 bits it would not.
		{"unknown character costs 32", map[string]float64{"甲": math.Exp2(31.5), "甲乙": 1, "丙": math.Exp2(32) - math.Exp2(31.5) - 1},
			"甲乙", []string{"甲乙"}},
		// gse treats a best distance of 0 as "not reached yet": 甲甲 costs 0 bits (f ≈ T,
		// float32 rounds log2(T) − log2(f) to 0) and is offered first at unit 1, then 甲 +
		// 甲 (30 + 30 bits) replaces it because 0 means unset. Plain shortest path: 甲甲.
		{"zero distance counts as unset", map[string]float64{"甲甲": math.Exp2(30), "甲": 1},
			"甲甲", []string{"甲", "甲"}},
		// The longest word is 3 units; 丁 and 戊 are unknown: 甲乙丙 丁 戊.
		{"unknown characters alone", map[string]float64{"甲乙丙": 8, "甲": 4, "丙": 4},
			"甲乙丙丁戊", []string{"甲乙丙", "丁", "戊"}},
		// Runs: "ab12" is one unit (a word here), "AB12" is looked up lower-cased and
		// returned as written; ＡＢ are full-width (3 bytes): units of their own, unknown.
		{"letter runs", map[string]float64{"ab12": 8, "ab12甲": 4, "甲": 4},
			"AB12甲ab12ＡＢ", []string{"AB12甲", "ab12", "Ａ", "Ｂ"}},
	}
	for _, c := range cases {
		s := tinySegmenter(t, c.freqs)
		if got := gseOf(t, s).Cut(c.text); !slices.Equal(got, lowerASCII(c.want)) {
			t.Errorf("%s: gse's Cut = %q, worked out %q", c.name, got, c.want)
		}
		if got := s.Cut(c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s: Cut = %q, want %q", c.name, got, c.want)
		}
	}
}

// lowerASCII lower-cases the ASCII letters of words, as gse's Cut returns them.
func lowerASCII(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = string(dictKey(w))
	}
	return out
}

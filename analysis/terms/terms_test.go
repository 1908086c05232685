package terms

import (
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// handCorpus is small enough to count on paper:
//
//	doc 1: 军队 人民 军队 建设     (4 tokens)
//	doc 2: 人民 人民 团结          (3 tokens)
//	doc 3: (empty)                 (0 tokens)
//	doc 4: 军队                    (1 token)
//
// totals: 8 tokens, 4 documents.
var handCorpus = [][]string{
	{"军队", "人民", "军队", "建设"},
	{"人民", "人民", "团结"},
	{},
	{"军队"},
}

func TestCounterHandWorked(t *testing.T) {
	var c Counter // the zero value is usable
	for _, d := range handCorpus {
		c.AddDoc(d)
	}
	if c.Tokens() != 8 || c.Docs() != 4 || c.Len() != 4 {
		t.Fatalf("totals: tokens=%d docs=%d len=%d, want 8 4 4", c.Tokens(), c.Docs(), c.Len())
	}
	// By hand: 军队 3 times in docs 1,1,4 → count 3, docs 2; 人民 in docs 1,2,2 → 3, 2;
	// 团结 and 建设 once each. per_10k = count/8×10000: 3 → 3750, 1 → 1250.
	// Count order 3,3,1,1; ties by code point: 人 U+4EBA < 军 U+519B, 团 U+56E2 < 建 U+5EFA.
	// Competition ranks: 1,1,3,3.
	want := []Row{
		{Term: "人民", Count: 3, Docs: 2, Per10k: 3750, Rank: 1},
		{Term: "军队", Count: 3, Docs: 2, Per10k: 3750, Rank: 1},
		{Term: "团结", Count: 1, Docs: 1, Per10k: 1250, Rank: 3},
		{Term: "建设", Count: 1, Docs: 1, Per10k: 1250, Rank: 3},
	}
	if got := c.Top(0); !reflect.DeepEqual(got, want) {
		t.Errorf("Top(0) =\n%v\nwant\n%v", got, want)
	}
	// A cut inside a tie keeps the full list's ranks and cuts in term order.
	if got := c.Top(3); !reflect.DeepEqual(got, want[:3]) {
		t.Errorf("Top(3) =\n%v\nwant\n%v", got, want[:3])
	}
	if got := c.Top(100); len(got) != 4 {
		t.Errorf("Top(100) returned %d rows, want 4", len(got))
	}
	if c.Count("军队") != 3 || c.DocFreq("军队") != 2 || c.Count("没有") != 0 || c.DocFreq("没有") != 0 {
		t.Errorf("lookups: Count(军队)=%d DocFreq(军队)=%d Count(没有)=%d",
			c.Count("军队"), c.DocFreq("军队"), c.Count("没有"))
	}
	if got, want := c.Terms(), []string{"人民", "军队", "团结", "建设"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Terms() = %v, want %v", got, want)
	}
}

// Merging per-worker counters must give exactly the single-counter result, whatever the
// split and the order of merging.
func TestCounterMergeIsSplitInvariant(t *testing.T) {
	docs := append(append([][]string{}, handCorpus...), handCorpus...)
	docs = append(docs, []string{"建设", "团结", "团结"}, []string{"人民"})
	var whole Counter
	for _, d := range docs {
		whole.AddDoc(d)
	}
	want := whole.Top(0)
	for workers := 1; workers <= len(docs); workers++ {
		parts := make([]Counter, workers)
		for i, d := range docs {
			parts[(i*7)%workers].AddDoc(d) // a scattered assignment, not contiguous blocks
		}
		var merged Counter
		for i := workers - 1; i >= 0; i-- { // merge in reverse, to vary term insertion order
			merged.Merge(&parts[i])
		}
		if got := merged.Top(0); !reflect.DeepEqual(got, want) {
			t.Fatalf("%d workers: Top(0) =\n%v\nwant\n%v", workers, got, want)
		}
		if merged.Tokens() != whole.Tokens() || merged.Docs() != whole.Docs() {
			t.Fatalf("%d workers: totals %d/%d, want %d/%d", workers,
				merged.Tokens(), merged.Docs(), whole.Tokens(), whole.Docs())
		}
	}
}

// A counter that has been merged into must keep deduplicating documents correctly when
// fed more documents afterwards.
func TestCounterAddAfterMerge(t *testing.T) {
	var a, b Counter
	a.AddDoc([]string{"x", "x"})
	b.AddDoc([]string{"x", "y"})
	a.Merge(&b)
	a.AddDoc([]string{"y", "x", "y"})
	// x: docs 1,2,3 → count 2+1+1=4, docs 3; y: docs 2,3 → count 1+2=3, docs 2.
	want := []Row{
		{Term: "x", Count: 4, Docs: 3, Per10k: 40000.0 / 7, Rank: 1},
		{Term: "y", Count: 3, Docs: 2, Per10k: 30000.0 / 7, Rank: 2},
	}
	if got := a.Top(0); !reflect.DeepEqual(got, want) {
		t.Errorf("Top(0) =\n%v\nwant\n%v", got, want)
	}
}

func TestGrouped(t *testing.T) {
	var g Grouped
	g.AddDoc("10", []string{"a"})
	g.AddDoc("2", []string{"a", "b"})
	g.AddDoc("", []string{"c"})
	g.AddDoc("2", []string{"b"})
	g.AddDoc("1", nil)

	var other Grouped
	other.AddDoc("10", []string{"a", "a"})
	g.Merge(&other)

	// Natural order: 1 < 2 < 10, unknown ("") last.
	if got, want := g.Groups(), []string{"1", "2", "10", ""}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Groups() = %q, want %q", got, want)
	}
	top := g.Top(1)
	// Group "2": b twice in 2 docs, a once, 3 tokens → b first, per_10k 2/3×10000.
	// Group "10": a 1+2=3 times in 2 docs, 3 tokens → 10000.
	want := []GroupRows{
		{Group: "1", Tokens: 0, Docs: 1, Rows: []Row{}},
		{Group: "2", Tokens: 3, Docs: 2, Rows: []Row{{Term: "b", Count: 2, Docs: 2, Per10k: 20000.0 / 3, Rank: 1}}},
		{Group: "10", Tokens: 3, Docs: 2, Rows: []Row{{Term: "a", Count: 3, Docs: 2, Per10k: 10000, Rank: 1}}},
		{Group: "", Tokens: 1, Docs: 1, Rows: []Row{{Term: "c", Count: 1, Docs: 1, Per10k: 10000, Rank: 1}}},
	}
	if !reflect.DeepEqual(top, want) {
		t.Errorf("Top(1) =\n%+v\nwant\n%+v", top, want)
	}
}

func TestCompareGroups(t *testing.T) {
	// Each name must sort strictly before the next.
	ordered := []string{"01", "1", "2", "10", "1962", "1962-1", "1962-02", "1962-11", "1963",
		"a2", "a10", "消息", "通讯", ""}
	for i := 0; i+1 < len(ordered); i++ {
		x, y := ordered[i], ordered[i+1]
		if CompareGroups(x, y) >= 0 || CompareGroups(y, x) <= 0 {
			t.Errorf("CompareGroups(%q, %q) = %d, want < 0 (and antisymmetric)", x, y, CompareGroups(x, y))
		}
	}
	if CompareGroups("7", "7") != 0 {
		t.Error("CompareGroups of equal names is not 0")
	}
}

// On real PLA Daily articles, with one-character tokens (a stand-in segmentation that
// needs no dictionary), the count and document frequency of a few characters must equal
// what strings.Count / strings.Contains find in the decoded text: an independent count.
func TestCounterRealArticles(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpus", "jfjb")
	texts := readCorpusTexts(t, root)
	var c Counter
	for _, text := range texts {
		c.AddDoc(runeTokens(text))
	}
	var tokens int64
	for _, text := range texts {
		tokens += int64(utf8.RuneCountInString(text))
	}
	if c.Tokens() != tokens || c.Docs() != int64(len(texts)) {
		t.Fatalf("totals %d tokens / %d docs, want %d / %d", c.Tokens(), c.Docs(), tokens, len(texts))
	}
	for _, ch := range []string{"的", "军", "人", "毛", "。"} {
		var count, docs int64
		for _, text := range texts {
			n := int64(strings.Count(text, ch))
			count += n
			if n > 0 {
				docs++
			}
		}
		if count == 0 {
			t.Errorf("%q never occurs: the test text is not what was expected", ch)
		}
		if c.Count(ch) != count || c.DocFreq(ch) != docs {
			t.Errorf("%q: count %d docs %d, want %d %d", ch, c.Count(ch), c.DocFreq(ch), count, docs)
		}
	}
	// The bounded heap behind Top(n) must give the first n rows of the full sort.
	all := c.Top(0)
	for i := 1; i < len(all); i++ {
		if all[i].Count > all[i-1].Count || (all[i].Count == all[i-1].Count && all[i].Term <= all[i-1].Term) {
			t.Fatalf("Top(0) out of order at %d: %v %v", i, all[i-1], all[i])
		}
	}
	for _, n := range []int{1, 2, 5, 17, 100, len(all) - 1} {
		if got := c.Top(n); !reflect.DeepEqual(got, all[:n]) {
			t.Errorf("Top(%d) is not the first %d rows of Top(0)", n, n)
		}
	}
	// Worker-count invariance on real data.
	for _, workers := range []int{2, 3, 8} {
		parts := make([]Counter, workers)
		for i, text := range texts {
			parts[i%workers].AddDoc(runeTokens(text))
		}
		var merged Counter
		for i := range parts {
			merged.Merge(&parts[i])
		}
		if !reflect.DeepEqual(merged.Top(0), c.Top(0)) {
			t.Errorf("%d workers: merged frequency list differs from the single counter's", workers)
		}
	}
}

// readCorpusTexts returns the decoded text of every .TXT file under root (GBK/GB18030,
// read whole: tags and all, which is fine for counting characters), in path order.
func readCorpusTexts(tb testing.TB, root string) []string {
	tb.Helper()
	if _, err := os.Stat(root); err != nil {
		tb.Skipf("real articles not available at %s: %v", root, err)
	}
	var texts []string
	dec := simplifiedchinese.GB18030.NewDecoder()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.EqualFold(filepath.Ext(path), ".txt") {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, err := dec.Bytes(raw)
		if err != nil {
			return err
		}
		texts = append(texts, string(text))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(texts) == 0 {
		tb.Skipf("no .TXT files under %s", root)
	}
	return texts
}

func runeTokens(s string) []string {
	out := make([]string, 0, len(s)/3)
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		out = append(out, s[:size])
		s = s[size:]
	}
	return out
}

func TestPer10k(t *testing.T) {
	if got := Per10k(3, 8); math.Abs(got-3750) > 1e-9 {
		t.Errorf("Per10k(3, 8) = %v, want 3750", got)
	}
	if got := Per10k(5, 0); got != 0 {
		t.Errorf("Per10k(5, 0) = %v, want 0", got)
	}
}

// Feeding documents whose terms are all known must not allocate (the hot path).
func TestAddDocKnownTermsDoesNotAllocate(t *testing.T) {
	var c Counter
	doc := []string{"军队", "人民", "军队", "建设", "团结", "人民"}
	c.AddDoc(doc)
	if allocs := testing.AllocsPerRun(100, func() { c.AddDoc(doc) }); allocs != 0 {
		t.Errorf("AddDoc of known terms: %v allocations per document, want 0", allocs)
	}
}

// AddDocIDs counts as AddDoc does: the reference is AddDoc on the same documents spelled
// out, and a vocabulary that grows between documents is followed.
func TestAddDocIDsMatchesAddDoc(t *testing.T) {
	vocab := []string{"人民", "日报", "的", "解放军"}
	docs := [][]uint32{{0, 1, 2, 0}, {3, 2}, {}, {1, 1, 4}}
	byIDs, byStrings := NewCounter(), NewCounter()
	for i, d := range docs {
		if i == 3 {
			vocab = append(vocab, "报刊") // id 4 appears once the vocabulary has grown
		}
		words := make([]string, len(d))
		for k, id := range d {
			words[k] = vocab[id]
		}
		byIDs.AddDocIDs(d, vocab)
		byStrings.AddDoc(words)
	}
	if !reflect.DeepEqual(byIDs.Top(0), byStrings.Top(0)) || byIDs.Docs() != 4 || byIDs.Tokens() != 9 {
		t.Errorf("ids: %+v (%d docs, %d tokens)\nstrings: %+v", byIDs.Top(0), byIDs.Docs(), byIDs.Tokens(), byStrings.Top(0))
	}
	// By hand: 日报 occurs once in doc 0 and twice in doc 3.
	if byIDs.Count("日报") != 3 || byIDs.DocFreq("日报") != 2 || byIDs.Count("报刊") != 1 {
		t.Errorf("日报 %d in %d docs, 报刊 %d; want 3 in 2, 1", byIDs.Count("日报"), byIDs.DocFreq("日报"), byIDs.Count("报刊"))
	}
	// Strings after ids: the index is completed, so 人民 is found, not added twice.
	byIDs.AddDoc([]string{"人民"})
	if byIDs.Count("人民") != 3 || byIDs.Len() != 5 {
		t.Errorf("after AddDoc: 人民 %d, %d terms; want 3, 5", byIDs.Count("人民"), byIDs.Len())
	}
}

// MergeIDs of per-worker counters fed by ids gives the single counter's result (fed by
// strings, an independent path), whatever the split and merge order; a part that also got
// a document as strings is merged by text, and a counter merged into keeps counting by id.
func TestCounterMergeIDs(t *testing.T) {
	docs := append(append([][]string{}, handCorpus...), handCorpus...)
	docs = append(docs, []string{"建设", "团结", "团结"}, []string{"人民"})
	var vocab []string // every word of docs, and 人民 新词, in first-seen order: id = index
	for _, d := range append(docs, []string{"人民", "新词"}) {
		for _, w := range d {
			if !slices.Contains(vocab, w) {
				vocab = append(vocab, w)
			}
		}
	}
	idsOf := func(d []string) (ids []uint32) {
		for _, w := range d {
			ids = append(ids, uint32(slices.Index(vocab, w)))
		}
		return ids
	}
	var whole Counter
	for _, d := range docs {
		whole.AddDoc(d)
	}
	whole.AddDoc([]string{"新词"})
	whole.AddDoc([]string{"人民"})
	want := whole.Top(0)
	for workers := 1; workers <= 4; workers++ {
		parts := make([]Counter, workers)
		for i, d := range docs {
			parts[(i*7)%workers].AddDocIDs(idsOf(d), vocab)
		}
		var merged Counter
		for i := workers - 1; i >= 0; i-- {
			if i == 0 {
				parts[i].AddDoc([]string{"新词"}) // by text: this part merges as Merge does
			}
			merged.MergeIDs(&parts[i], vocab)
		}
		merged.AddDocIDs(idsOf([]string{"人民"}), vocab)
		if got := merged.Top(0); !reflect.DeepEqual(got, want) {
			t.Fatalf("%d workers: Top(0) =\n%v\nwant\n%v", workers, got, want)
		}
	}
}

// Three groups; 人民 is in two, 解放军 in one, 战士 in all three: counted by hand.
func TestGroupDocs(t *testing.T) {
	g := NewGrouped()
	g.AddDoc("1962", []string{"人民", "人民", "战士"})
	g.AddDoc("1963", []string{"解放军", "战士"})
	g.AddDoc("1964", []string{"人民", "战士"})
	df := g.GroupDocs()
	if df.Docs() != 3 {
		t.Errorf("docs %d, want 3", df.Docs())
	}
	for term, want := range map[string]int64{"人民": 2, "解放军": 1, "战士": 3} {
		if got := df.DocFreq(term); got != want {
			t.Errorf("df(%s) = %d, want %d", term, got, want)
		}
	}
}

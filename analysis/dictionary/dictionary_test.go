package dictionary

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/baokan/baokan/analysis/query"
	"github.com/baokan/baokan/corpus"
)

// entries returns a dictionary's categories as name → entries as written.
func entries(d *Dictionary) map[string][]string {
	m := map[string][]string{}
	for _, c := range d.Categories {
		for _, e := range c.Entries {
			m[c.Name] = append(m[c.Name], e.Source)
		}
	}
	return m
}

// The YAML of testdata/quanteda.yml, written by hand in quanteda's layout, reads back as
// written: nested names joined with a dot as quanteda flattens them, in file order.
func TestQuantedaYAMLReadBack(t *testing.T) {
	d, err := Read("testdata/quanteda.yml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Names(), []string{"economy", "policy.fiscal", "policy.monetary", "uncertainty"}; !slices.Equal(got, want) {
		t.Errorf("categories %q, want %q", got, want)
	}
	want := map[string][]string{
		"economy":         {`经济`, `text:"国民经济"`, `/^财政/`},
		"policy.fiscal":   {`税收`, `"财政 政策"`},
		"policy.monetary": {`货币`, `银行`},
		"uncertainty":     {`text:"不确定"`},
	}
	got := entries(d)
	for name, w := range want {
		if !slices.Equal(got[name], w) {
			t.Errorf("%s: %q, want %q", name, got[name], w)
		}
	}
	lines := map[string]int{}
	for _, c := range d.Categories {
		for _, e := range c.Entries {
			lines[e.Source] = e.Line
		}
	}
	// Lines counted in the file by hand.
	if lines[`经济`] != 5 || lines[`/^财政/`] != 7 || lines[`银行`] != 14 || lines[`text:"不确定"`] != 15 {
		t.Errorf("lines %v", lines)
	}
	if _, ok := d.Categories[1].Entries[1].Query.Root.(*query.Seq); !ok {
		t.Errorf("\"财政 政策\" is %T, want a sequence", d.Categories[1].Entries[1].Query.Root)
	}
}

func TestCSV(t *testing.T) {
	d, err := Read("testdata/concepts.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := d.Names(), []string{"mao", "us"}; !slices.Equal(got, want) {
		t.Errorf("categories %q, want %q", got, want)
	}
	got := entries(d)
	if want := []string{`毛泽东`, `text:"毛主席"`, `person:毛泽东`}; !slices.Equal(got["mao"], want) {
		t.Errorf("mao: %q, want %q", got["mao"], want)
	}
	if want := []string{`"美国 帝国主义"`}; !slices.Equal(got["us"], want) {
		t.Errorf("us: %q, want %q", got["us"], want)
	}
	if d.Categories[0].Entries[2].Line != 6 {
		t.Errorf("person:毛泽东 at line %d, want 6", d.Categories[0].Entries[2].Line)
	}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"testdata/bad-query.yml", "testdata/bad-query.yml:5: category \"policy\": entry \"(政策 OR\":"},
		{"testdata/bad-yaml.yml", "testdata/bad-yaml.yml:4: found character that cannot start any token"},
	} {
		_, err := Read(c.file)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to start %q", c.file, err, c.want)
		}
		var de *Error
		if !errors.As(err, &de) {
			t.Errorf("%s: %T, want *Error", c.file, err)
		}
	}
	_, err := Read("testdata/bad-query.yml")
	var se *query.SyntaxError
	if !errors.As(err, &se) {
		t.Errorf("bad query: want the query's *SyntaxError inside, got %v", err)
	}
	dir := t.TempDir()
	for name, body := range map[string]string{
		"fields.csv": "category,entry\na,经济\nb,c,d\n",
		"empty.csv":  "a,经济\nb,\n",
		"twice.yml":  "a: [经济]\nb: [x]\na: [y]\n",
		"none.yml":   "a:\n",
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o644)
		_, err := Read(p)
		wantLine := map[string]string{"fields.csv": ":3: ", "empty.csv": ":2: ", "twice.yml": ":3: ", "none.yml": ":1: "}[name]
		if err == nil || !strings.Contains(err.Error(), wantLine) {
			t.Errorf("%s: error %v, want line %q", name, err, wantLine)
		}
	}
}

func mustDict(t *testing.T, yml string) *Dictionary {
	t.Helper()
	d, err := ParseYAML("test.yml", []byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func count(t *testing.T, d *Dictionary, a *corpus.Article, words []string) []int {
	t.Helper()
	m := NewMatcher(d)
	counts := make([]int, len(d.Categories))
	m.NewCounter().Count(&query.Doc{Article: a, Words: words}, counts)
	return counts
}

// Counts worked by hand.
func TestCountsByHand(t *testing.T) {
	d := mustDict(t, `
us: [美国, '"美国 政府"', /^美帝/]
text: ['text:"帝国主义"', 'text:"美帝国主义"', 'text:"国主"']
other: ['美国 AND 政府', 'title:声明']
`)
	a := &corpus.Article{Title: "美帝国主义的声明", Body: []string{"美国政府和美帝国主义", "美国 美帝"}}
	words := []string{"美国", "政府", "和", "美帝国主义", "美国", "美帝"}
	// us: 美国 政府 (a sequence taking 美国 at 0, counted once), 美帝国主义 (/^美帝/), 美国,
	// 美帝 = 4.
	// text: title 美帝国主义 (its 帝国主义 and 国主 overlap it) = 1; body 1: 美帝国主义 = 1;
	// body 2: none = 2.
	// other: 美国 AND 政府 has hits 美国 ×2 and 政府 = 3, title:声明 matches with no hit
	// = 1: 4.
	if got, want := count(t, d, a, words), []int{4, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("counts %v, want %v", got, want)
	}
	// The same by ids, with the vocabulary bound in part: ids past it are looked up as they
	// come.
	vocab := []string{"美国", "政府", "和"}
	var ids []uint32
	for _, w := range words {
		id := slices.Index(vocab, w)
		if id < 0 {
			id = len(vocab)
			vocab = append(vocab, w)
		}
		ids = append(ids, uint32(id))
	}
	m := NewMatcher(d)
	m.Bind(vocab[:2])
	got := make([]int, 3)
	m.NewCounter().CountIDs(&query.Doc{Article: a, Words: words}, ids, vocab, got)
	if want := []int{4, 2, 4}; !slices.Equal(got, want) {
		t.Errorf("counts by id %v, want %v", got, want)
	}
	// One text entry counts as strings.Count: 啊啊 in 啊啊啊啊啊 twice.
	d = mustDict(t, `a: ['text:"啊啊"']`)
	if got := count(t, d, &corpus.Article{Body: []string{"啊啊啊啊啊"}}, nil); got[0] != 2 {
		t.Errorf("啊啊 in 啊啊啊啊啊: %d, want 2", got[0])
	}
}

const jfjbDir = "../../../shared/corpus/jfjb"

// Category counts of text entries on real articles against independent counts: each entry
// alone as strings.Count over the decoded kicker, title, subtitles and paragraphs; entries
// of one category together as the matches of a regexp alternation of the entries, longest
// first (leftmost-first then gives leftmost-longest, non-overlapping).
func TestCountsOnRealArticles(t *testing.T) {
	if _, err := os.Stat(jfjbDir); err != nil {
		t.Skipf("real articles not found at %s: %v", jfjbDir, err)
	}
	arts, _, err := corpus.ReadAll([]string{jfjbDir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cats := [][]string{
		{"人民"},
		{"解放军"},
		{"同志"},
		{"美帝国主义", "帝国主义", "美国"},
		{"和平", "保卫和平"},
		{"。"},
	}
	var yml strings.Builder
	for i, c := range cats {
		yml.WriteString("c" + string(rune('0'+i)) + ":\n")
		for _, e := range c {
			yml.WriteString("  - 'text:\"" + e + "\"'\n")
		}
	}
	d := mustDict(t, yml.String())
	m := NewMatcher(d)
	cn := m.NewCounter()
	counts := make([]int, len(cats))
	total := make([]int, len(cats))
	for _, a := range arts {
		cn.Count(&query.Doc{Article: a}, counts)
		texts := append([]string{a.Kicker, a.Title}, a.Subtitles...)
		texts = append(texts, a.Body...)
		for i, c := range cats {
			want := 0
			if len(c) == 1 {
				for _, s := range texts {
					want += strings.Count(s, c[0])
				}
			} else {
				alts := slices.Clone(c)
				slices.SortStableFunc(alts, func(x, y string) int { return len(y) - len(x) })
				for j := range alts {
					alts[j] = regexp.QuoteMeta(alts[j])
				}
				re := regexp.MustCompile(strings.Join(alts, "|"))
				for _, s := range texts {
					want += len(re.FindAllStringIndex(s, -1))
				}
			}
			if counts[i] != want {
				t.Errorf("%s:%d %q: %d, want %d", a.Path, a.Line, c, counts[i], want)
			}
			total[i] += counts[i]
		}
	}
	t.Logf("%d articles; matches by category: %v", len(arts), total)
	for i, n := range total {
		if n == 0 {
			t.Errorf("%q never found: the test would prove nothing", cats[i])
		}
	}
}

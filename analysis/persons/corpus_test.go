package persons

import (
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
)

const jfjbDir = "../../../shared/corpus/jfjb"

// rwCase is the hand-checked expectation for one real article's RW list.
type rwCase struct {
	file    string          // base name of the article file
	source  corpus.RWSource // where the list is: GJ, or appended to the body's last line
	raw     []string        // the raw entries, in order
	persons []string        // the persons, in order
	classes string          // one letter per raw entry: p person, r role, e event, o other
}

// jfjbRW lists EVERY article of ../shared/corpus/jfjb whose file contains "RW：" (39 of
// 119; found with grep 'RW：' on the UTF-8 copies). Raw entries were copied from the
// files; persons and classes were decided by hand, one entry at a time, and every person
// was checked to occur in the article's own title or body (grep on the UTF-8 copy):
// 拉扎克 is Malaysia's prime minister Abdul Razak (1974 visit), 李洪九 South Korea's prime
// minister Lee Hong-koo (1995), 叶利钦 Yeltsin, 尉健行 a Standing Committee member (1999).
// Roles: 主席, 总理, 委员长, 国家主席, 军委副主席, 中共中央总书记, 马来西亚总理. Events:
// 会见外宾, 接见外宾, 会见, 会谈, 言论, 外访, 出访, 访华, 访问, 互致信件, 访俄演讲,
// 会见香港人士, 出席会议. Other: 照片 (the item is a photo) and 活动 (a vague "activities").
var jfjbRW = []rwCase{
	{"195808040101.TXT", corpus.RWFromGJ, []string{"毛泽东", "会见外宾"}, []string{"毛泽东"}, "pe"},
	{"195910020202.TXT", corpus.RWFromGJ, []string{"彭真"}, []string{"彭真"}, "p"},
	// The title has 毛主席刘主席等同赫鲁晓夫等: three persons run together, 等 dropped.
	{"195910020205.TXT", corpus.RWFromGJ, []string{"毛泽东刘少奇赫鲁晓夫等"}, []string{"毛泽东", "刘少奇", "赫鲁晓夫"}, "p"},
	{"196010020101.TXT", corpus.RWFromGJ, []string{"毛泽东", "刘少奇", "周恩来"}, []string{"毛泽东", "刘少奇", "周恩来"}, "ppp"},
	{"196210290301.TXT", corpus.RWFromGJ, []string{"卡斯特罗", "总理", "言论"}, []string{"卡斯特罗"}, "pre"},
	{"196210290305.TXT", corpus.RWFromGJ, []string{"赫鲁晓夫", "肯尼迪", "互致信件"}, []string{"赫鲁晓夫", "肯尼迪"}, "ppe"},
	{"197405300101.TXT", corpus.RWFromGJ, []string{"毛泽东", "主席", "会见", "拉扎克", "马来西亚总理", "访华"}, []string{"毛泽东", "拉扎克"}, "prepre"},
	{"197602240101.TXT", corpus.RWFromGJ, []string{"毛泽东", "接见外宾", "尼克松", "访问"}, []string{"毛泽东", "尼克松"}, "pepe"},
	{"198404280102.TXT", corpus.RWFromGJ, []string{"胡耀邦", "中共中央总书记"}, []string{"胡耀邦"}, "pr"},
	{"198412200103.TXT", corpus.RWFromGJ, []string{"邓小平", "会见"}, []string{"邓小平"}, "pe"},
	{"198412200106.TXT", corpus.RWFromGJ, []string{"赵紫阳", "会谈"}, []string{"赵紫阳"}, "pe"},
	{"198804090101.TXT", corpus.RWFromGJ, []string{"杨尚昆", "万里", "邓小平"}, []string{"杨尚昆", "万里", "邓小平"}, "ppp"},
	{"199303280101.TXT", corpus.RWFromBody, []string{"江泽民", "主席", "乔石", "委员长"}, []string{"江泽民", "乔石"}, "prpr"},
	{"199409040101.TXT", corpus.RWFromBody, []string{"江泽民", "外访", "叶利钦", "接见外宾"}, []string{"江泽民", "叶利钦"}, "pepe"},
	{"199409040102.TXT", corpus.RWFromBody, []string{"江泽民", "访俄演讲"}, []string{"江泽民"}, "pe"},
	{"199505100101.TXT", corpus.RWFromBody, []string{"江泽民", "外访", "照片", "言论"}, []string{"江泽民"}, "peoe"},
	{"199505100102.TXT", corpus.RWFromBody, []string{"江泽民", "国家主席", "外访", "照片", "活动"}, []string{"江泽民"}, "preoo"},
	{"199505100103.TXT", corpus.RWFromBody, []string{"张震", "军委副主席", "外访", "活动"}, []string{"张震"}, "preo"},
	{"199505100402.TXT", corpus.RWFromBody, []string{"李鹏", "总理", "会见外宾", "会见香港人士"}, []string{"李鹏"}, "pree"},
	{"199505100405.TXT", corpus.RWFromBody, []string{"李洪九", "总理", "访华"}, []string{"李洪九"}, "pre"},
	{"199604120102.TXT", corpus.RWFromGJ, []string{"江泽民", "接见外宾"}, []string{"江泽民"}, "pe"},
	{"199604120103.TXT", corpus.RWFromGJ, []string{"江泽民", "接见外宾"}, []string{"江泽民"}, "pe"},
	{"199604120104.TXT", corpus.RWFromGJ, []string{"于永波", "言论"}, []string{"于永波"}, "pe"},
	{"199604120403.TXT", corpus.RWFromGJ, []string{"胡锦涛", "言论"}, []string{"胡锦涛"}, "pe"},
	{"199604260104.TXT", corpus.RWFromGJ, []string{"江泽民", "言论"}, []string{"江泽民"}, "pe"},
	{"199604260108.TXT", corpus.RWFromGJ, []string{"刘华清", "迟浩田", "接见外宾"}, []string{"刘华清", "迟浩田"}, "ppe"},
	{"199604260109.TXT", corpus.RWFromGJ, []string{"张万年", "外访"}, []string{"张万年"}, "pe"},
	{"199604260401.TXT", corpus.RWFromGJ, []string{"李鹏", "接见外宾"}, []string{"李鹏"}, "pe"},
	{"199604260405.TXT", corpus.RWFromGJ, []string{"钱其琛", "接见外宾"}, []string{"钱其琛"}, "pe"},
	{"199611260103.TXT", corpus.RWFromGJ, []string{"江泽民", "言论"}, []string{"江泽民"}, "pe"},
	// "RW：〖-GJ/关键〗": an empty list, no entries.
	{"199707010305.TXT", corpus.RWNone, nil, nil, ""},
	{"199710300102.TXT", corpus.RWNone, nil, nil, ""},
	{"199710300105.TXT", corpus.RWFromGJ, []string{"江泽民", "出访"}, []string{"江泽民"}, "pe"},
	{"199910010101.TXT", corpus.RWFromGJ,
		[]string{"江泽民", "李鹏", "李瑞环", "胡锦涛", "尉健行", "李岚清", "朱镕基", "出席会议"},
		[]string{"江泽民", "李鹏", "李瑞环", "胡锦涛", "尉健行", "李岚清", "朱镕基"}, "pppppppe"},
	{"200007190101.TXT", corpus.RWFromBody, []string{"江泽民", "会见外宾"}, []string{"江泽民"}, "pe"},
	{"200007190102.TXT", corpus.RWFromBody, []string{"迟浩田", "会见外宾"}, []string{"迟浩田"}, "pe"},
	{"200007190106.TXT", corpus.RWFromBody, []string{"徐才厚", "言论"}, []string{"徐才厚"}, "pe"},
	{"200211160101.TXT", corpus.RWFromBody, []string{"胡锦涛", "言论"}, []string{"胡锦涛"}, "pe"},
	{"200305280101.TXT", corpus.RWFromBody, []string{"胡锦涛"}, []string{"胡锦涛"}, "p"},
}

var classLetter = map[Class]byte{Person: 'p', Role: 'r', Event: 'e', Other: 'o'}

// readJFJB reads the real articles through the corpus package, or skips.
func readJFJB(t testing.TB) []*corpus.Article {
	t.Helper()
	if _, err := os.Stat(jfjbDir); err != nil {
		t.Skipf("real articles not found at %s (the development tree's shared corpus): %v", jfjbDir, err)
	}
	r, err := corpus.Open([]string{jfjbDir}, corpus.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var arts []*corpus.Article
	for a, err := range r.All() {
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	return arts
}

// TestRealRWLists checks every RW list of the real articles against the hand-checked
// table: raw entries and their source as the corpus package reads them, then the class of
// every entry and the persons, in order.
//
// It runs with the built-in names and without them (learned names only), so the table
// holds by the rules and the corpus, not because the built-in list happens to hold the
// answers.
func TestRealRWLists(t *testing.T) {
	arts := readJFJB(t)
	for _, noBuiltin := range []bool{false, true} {
		name := "builtin"
		if noBuiltin {
			name = "learned-only"
		}
		t.Run(name, func(t *testing.T) { checkRealRWLists(t, arts, Options{NoBuiltinNames: noBuiltin}) })
	}
}

func checkRealRWLists(t *testing.T, arts []*corpus.Article, opts Options) {
	if len(arts) != 119 {
		t.Errorf("read %d articles, want 119 (the files in %s)", len(arts), jfjbDir)
	}
	byFile := make(map[string]*corpus.Article, len(arts))
	for _, a := range arts {
		byFile[path.Base(a.Path)] = a
	}
	r := NewResolver(opts)
	for _, a := range arts {
		r.Learn(a.RW)
	}
	listed := make(map[string]bool)
	for _, c := range jfjbRW {
		listed[c.file] = true
		a := byFile[c.file]
		if a == nil {
			t.Errorf("%s: not read", c.file)
			continue
		}
		if !slices.Equal(a.RW, c.raw) || a.RWSource != c.source {
			t.Errorf("%s: corpus gives RW %q from %q, want %q from %q", c.file, a.RW, a.RWSource, c.raw, c.source)
			continue
		}
		entries := r.Resolve(a.RW, a.Date)
		if testing.Verbose() {
			for _, e := range entries {
				t.Logf("%s\t%s\t%s\t%s\t%q", c.file, e.Raw, e.Class, e.Reason, e.Persons)
			}
		}
		var got strings.Builder
		for _, e := range entries {
			got.WriteByte(classLetter[e.Class])
		}
		if got.String() != c.classes {
			for _, e := range entries {
				t.Logf("%s: %s → %s (%s)", c.file, e.Raw, e.Class, e.Reason)
			}
			t.Errorf("%s: classes %q, want %q", c.file, got.String(), c.classes)
		}
		if ps := Persons(entries); !slices.Equal(ps, c.persons) {
			t.Errorf("%s: persons %q, want %q", c.file, ps, c.persons)
		}
	}
	// Every article with an RW list must be in the table.
	for _, a := range arts {
		if len(a.RW) > 0 && !listed[path.Base(a.Path)] {
			t.Errorf("%s: RW %q has no expectation", a.Path, a.RW)
		}
	}
}

// TestRealLearnedAndFromText: the names learned from the real RW lists are the persons of
// the table that stand alone in some list (31; the run-together 毛泽东刘少奇赫鲁晓夫等 adds
// none, its three names stand alone elsewhere), and the TextFinder built from them finds,
// in title + body, the persons that a Python str.find over the UTF-8 copies found (first
// occurrence of each of the 31 names and of the built-in aliases pointing to them, sorted
// by position), run once by hand:
//
//	195910020205: 毛泽东 (title 毛主席) 赫鲁晓夫 刘少奇 周恩来 彭真
//	199910010101: 江泽民 李鹏 李瑞环 胡锦涛 尉健行 李岚清 朱镕基 邓小平 迟浩田 张万年 钱其琛
//	              乔石 刘华清 张震 于永波 徐才厚
func TestRealLearnedAndFromText(t *testing.T) {
	arts := readJFJB(t)
	r := NewResolver(Options{})
	for _, a := range arts {
		r.Learn(a.RW)
	}
	var want []string
	for _, c := range jfjbRW {
		for i, raw := range c.raw {
			if c.classes[i] == 'p' && !strings.Contains(raw, "等") { // the one run-together entry
				want = append(want, raw)
			}
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	if got := r.Learned(); len(got) != 31 || !slices.Equal(got, want) {
		t.Errorf("Learned() = %d names %q, want 31: %q", len(got), got, want)
	}
	f := NewTextFinder(r.Learned(), r.Aliases())
	expect := map[string][]string{
		"195910020205.TXT": {"毛泽东", "赫鲁晓夫", "刘少奇", "周恩来", "彭真"},
		"199910010101.TXT": {"江泽民", "李鹏", "李瑞环", "胡锦涛", "尉健行", "李岚清", "朱镕基", "邓小平",
			"迟浩田", "张万年", "钱其琛", "乔石", "刘华清", "张震", "于永波", "徐才厚"},
	}
	for _, a := range arts {
		w, ok := expect[path.Base(a.Path)]
		if !ok {
			continue
		}
		got := f.Find(append([]string{a.Title}, a.Body...)...)
		if !slices.Equal(got, w) {
			t.Errorf("%s: Find = %q, want %q", a.Path, got, w)
		}
	}
}

// TestRealTally: counts over the real corpus, computed by hand from the table above
// (page = digits 9–10 of the file name, date = digits 1–8):
//
//	江泽民: 12 lists (1993-03-28 … 2000-07-19), all 12 on page 01.
//	毛泽东: 195808040101 195910020205 196010020101 197405300101 197602240101: 5, one on page 02.
//	胡锦涛: 199604120403 199910010101 200211160101 200305280101: 4, one on page 04.
//	李鹏:   199505100402 199604260401 199910010101: 3, two on page 04.
//
// 31 distinct persons in all (the names learned; the run-together list adds none).
func TestRealTally(t *testing.T) {
	arts := readJFJB(t)
	r := NewResolver(Options{})
	for _, a := range arts {
		r.Learn(a.RW)
	}
	var tally Tally
	for _, a := range arts {
		tally.Add(Persons(r.Resolve(a.RW, a.Date)), a.Date, a.Page)
	}
	stats := tally.Stats()
	if len(stats) != 31 {
		t.Errorf("%d persons, want 31", len(stats))
	}
	d := func(s string) corpus.Date {
		v, err := corpus.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	want := map[string]PersonStats{
		"江泽民": {"江泽民", 12, d("19930328"), d("20000719"), 12},
		"毛泽东": {"毛泽东", 5, d("19580804"), d("19760224"), 4},
		"胡锦涛": {"胡锦涛", 4, d("19960412"), d("20030528"), 3},
		"李鹏":  {"李鹏", 3, d("19950510"), d("19991001"), 1},
	}
	for _, s := range stats {
		if w, ok := want[s.Person]; ok && s != w {
			t.Errorf("%s: %+v, want %+v", s.Person, s, w)
		}
	}
	if stats[0].Person != "江泽民" || stats[1].Person != "毛泽东" || stats[2].Person != "胡锦涛" {
		t.Errorf("order: %v %v %v, want 江泽民 毛泽东 胡锦涛 first (most articles)", stats[0].Person, stats[1].Person, stats[2].Person)
	}
}

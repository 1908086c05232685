package persons

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/baokan/baokan/corpus"
)

// one resolves a single raw entry.
func one(t *testing.T, r *Resolver, raw string, date corpus.Date) Entry {
	t.Helper()
	es := r.Resolve([]string{raw}, date)
	if len(es) != 1 {
		t.Fatalf("%q: %d entries, want 1", raw, len(es))
	}
	return es[0]
}

type entryWant struct {
	raw     string
	class   Class
	persons []string
	reason  string // a substring the Reason must contain
}

func checkEntries(t *testing.T, r *Resolver, date corpus.Date, wants []entryWant) {
	t.Helper()
	for _, w := range wants {
		e := one(t, r, w.raw, date)
		if e.Class != w.class || !slices.Equal(e.Persons, w.persons) || !strings.Contains(e.Reason, w.reason) {
			t.Errorf("%q: got %s %q (%s), want %s %q (reason containing %q)",
				w.raw, e.Class, e.Persons, e.Reason, w.class, w.persons, w.reason)
		}
	}
}

// The cases of ../shared/FORMAT.md, each decided by hand.
func TestAliases(t *testing.T) {
	r := NewResolver(Options{})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"毛主席", Person, []string{"毛泽东"}, "alias: 毛主席 → 毛泽东"},
		{"周总理", Person, []string{"周恩来"}, "alias"},
		// 中国（的）赫鲁晓夫: the Cultural Revolution's name for 刘少奇, never for Khrushchev.
		{"中国（的）赫鲁晓夫", Person, []string{"刘少奇"}, "alias"},
		{"中国的赫鲁晓夫", Person, []string{"刘少奇"}, "alias"},
		{"中山先生", Person, []string{"孙中山"}, "alias"}, // found before 先生 is dropped
		{"毛泽东同志", Person, []string{"毛泽东"}, "alias"},
		{"邓小平同志", Person, []string{"邓小平"}, "同志 dropped"},
		// 刘主席 was 刘少奇 in 1959–68 but is no fixed alias: a role, flagged as such.
		{"刘主席", Role, nil, "surname + 主席 names no one person"},
	})
}

func TestUserAliasesOverrideBuiltin(t *testing.T) {
	aliases, err := ParseAliases(strings.NewReader("\ufeff# researcher's table\r\n毛主席\t毛润之\r\n\r\n老K\t尼克松\r\n朱基\t朱基（待考）\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := NewResolver(Options{Aliases: aliases})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"毛主席", Person, []string{"毛润之"}, "alias"},
		{"老k", Person, []string{"尼克松"}, "alias"}, // keys are matched with Latin letters lower-cased
		{"老K", Person, []string{"尼克松"}, "alias"},
		{"周总理", Person, []string{"周恩来"}, "alias"},   // built-in still there
		{"朱基", Person, []string{"朱基（待考）"}, "alias"}, // a user's alias beats a built-in correction
		{"周恩东", Person, []string{"周恩来"}, "spelling corrected"},
	})
	// The user's map is not changed by the resolver, nor the built-in table by the user.
	if got := BuiltinAliases()["毛主席"]; got != "毛泽东" {
		t.Errorf("built-in 毛主席 → %q after a user override, want 毛泽东", got)
	}
}

func TestParseAliasesErrors(t *testing.T) {
	for _, c := range []struct {
		in   string
		line int
		err  error
	}{
		{"毛主席\t毛泽东\n周总理 周恩来\n", 2, ErrAliasFields},    // a space is no TAB
		{"# c\n\n毛主席\t毛泽东\t多\n", 3, ErrAliasFields},   // three fields
		{"毛主席\t\n", 1, ErrAliasEmpty},                 // no canonical
		{"毛主席\t毛泽东\n毛主席\t毛润之\n", 2, ErrAliasConflict}, // same alias, two names
		{"毛泽东\t毛泽东\n", 1, ErrAliasSelf},
		{"a\tb\n\xff\xfe\tc\n", 2, ErrAliasMalformed},
	} {
		_, err := ParseAliases(strings.NewReader(c.in))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != c.line || !errors.Is(err, c.err) {
			t.Errorf("%q: error %v, want line %d: %v", c.in, err, c.line, c.err)
			continue
		}
		if !strings.Contains(err.Error(), "line ") {
			t.Errorf("%q: error %q does not name the line", c.in, err)
		}
	}
	m, err := ParseAliases(strings.NewReader("毛主席\t毛泽东\n毛主席\t毛泽东\n"))
	if err != nil || len(m) != 1 {
		t.Errorf("repeated identical line: %v, %v; want one alias, no error", m, err)
	}
}

func TestTitleStrip(t *testing.T) {
	r := NewResolver(Options{NoBuiltinNames: true})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"卡特总统", Person, []string{"卡特"}, "title 总统 stripped"},
		{"总统卡特", Person, []string{"卡特"}, "title 总统 stripped"},
		{"毛泽东主席", Person, []string{"毛泽东"}, "毛泽东 (known) + 主席 (role title)"},
		{"李建国副委员长", Person, []string{"李建国"}, "title 副委员长 stripped"}, // 国 ends names too
		{"张军司令员", Person, []string{"张军"}, "title 司令员 stripped"},
		{"空军司令员", Role, nil, "司令员 of 空军"},
		{"韩国总统", Role, nil, "总统 of 韩国"},   // 韩 is a surname: 韩国 is listed
		{"文化部部长", Role, nil, "部长 of 文化部"}, // 文 is a surname, 部 ends no name
		{"李鹏总理", Person, []string{"李鹏"}, "title 总理 stripped"},
		{"西哈努克亲王", Person, []string{"西哈努克"}, "title 亲王 stripped"},
		{"吴玉章副会长", Person, []string{"吴玉章"}, "title 副会长 stripped"}, // 副会长 before 会长
		// A title after an office, organisation or place is a role, not a person.
		{"民政部部长", Role, nil, "部长 of 民政部"},
		{"日本首相", Role, nil, "首相 of 日本"},
		{"马来西亚总理", Role, nil, "总理 of 马来西亚"}, // 马来西亚 is transliteration-shaped but a place
		{"中苏友好协会总会副会长", Role, nil, "副会长 of 中苏友好协会总会"},
		{"国家副主席", Role, nil, "role title (list)"},
		{"委员长", Role, nil, "role title (list)"},
	})
}

func TestEventsAndOthers(t *testing.T) {
	r := NewResolver(Options{})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"接见", Event, nil, "list"},
		{"会见外宾", Event, nil, "list"},
		{"接见中宾", Event, nil, "list"},
		{"设宴", Event, nil, "list"},
		{"签字", Event, nil, "list"},
		{"祝贺寿辰", Event, nil, "list"},
		{"会见香港人士", Event, nil, "starts with 会见"},
		{"访俄演讲", Event, nil, "starts with 访"},
		{"纪念大会", Event, nil, "ends with 大会"},
		{"照片", Other, nil, "list"},
		{"活动", Other, nil, "list"},
		{"卡特夫人", Other, nil, "ends with 夫人"},  // names Carter's wife without naming her
		{"毛泽东思想", Other, nil, "ends with 思想"}, // a doctrine, not a mention
		{"基辛格博士", Person, []string{"基辛格"}, "博士 (role title)"},
		{"董存瑞烈士", Person, []string{"董存瑞"}, "烈士 dropped"},
		{"", Other, nil, "empty"},
		{"  ", Other, nil, "empty"},
		{"等", Other, nil, "alone"},
		{"社会主义建设", Other, nil, "unrecognised"},
		{"马来西亚", Other, nil, "place"}, // transliteration-shaped, but a country
	})
}

func TestSpellingCorrections(t *testing.T) {
	r := NewResolver(Options{})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"周恩东", Person, []string{"周恩来"}, "spelling corrected: 周恩东 → 周恩来"},
		{"朱垅基", Person, []string{"朱镕基"}, "spelling corrected"},
		{"扬尚昆", Person, []string{"杨尚昆"}, "spelling corrected"},
		{"邓小牛", Person, []string{"邓小平"}, "spelling corrected"},
		{"朱 基", Person, []string{"朱镕基"}, "spelling corrected: 朱基 → 朱镕基"}, // 镕 lost, a space left
		{"朱基", Person, []string{"朱镕基"}, "spelling corrected"},
		{"彭pei云", Person, []string{"彭珮云"}, "spelling corrected"},
		{"彭PEI云", Person, []string{"彭珮云"}, "spelling corrected"},
		// Pinyin for a lost character not in the table: kept as it is, said why.
		{"王xi文", Person, []string{"王xi文"}, "pinyin for a lost character"},
	})
	// A corrected piece inside a run-together entry.
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"周恩东朱德", Person, []string{"周恩来", "朱德"}, "corrected"},
	})
}

func TestSplitRunTogether(t *testing.T) {
	r := NewResolver(Options{})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"刘少奇周恩来陈毅", Person, []string{"刘少奇", "周恩来", "陈毅"}, "split into known names"},
		{"毛泽东刘少奇赫鲁晓夫等", Person, []string{"毛泽东", "刘少奇", "赫鲁晓夫"}, "等 dropped"},
		{"毛主席周总理", Person, []string{"毛泽东", "周恩来"}, "alias"},
		{"邓小平会见", Person, []string{"邓小平"}, "会见 (event)"},
		{"江泽民主席李鹏总理", Person, []string{"江泽民", "李鹏"}, "主席 (role title)"},
		{"毛泽东、刘少奇", Person, []string{"毛泽东", "刘少奇"}, "list inside the entry"},
		{"会见、照片", Event, nil, "list inside the entry"},
		// Two known foreign names run together split (pieces of three characters or more).
		{"赫鲁晓夫肯尼迪", Person, []string{"赫鲁晓夫", "肯尼迪"}, "split into known names"},
		{"田中角荣大平正芳", Person, []string{"田中角荣", "大平正芳"}, "split into known names"},
	})
	// Without any known name the shapes still split: surname + one or two characters.
	bare := NewResolver(Options{NoBuiltinNames: true})
	checkEntries(t, bare, corpus.Date{}, []entryWant{
		{"彭真贺龙", Person, []string{"彭真", "贺龙"}, "Chinese name shape"},
		{"刘伯承聂荣臻", Person, []string{"刘伯承", "聂荣臻"}, "Chinese name shape"},
	})
}

// TestLearnResolvesAmbiguousSplit: 王洪文康生 covers as 王洪文+康生 or as 王洪+文康生 (文 is
// a surname), both two name-shaped pieces of equal cost; the first cover found wins, and
// it is the wrong one. Once 王洪文 stands alone in another list, it is known and wins.
func TestLearnResolvesAmbiguousSplit(t *testing.T) {
	before := one(t, NewResolver(Options{NoBuiltinNames: true}), "王洪文康生", corpus.Date{})
	if !slices.Equal(before.Persons, []string{"王洪", "文康生"}) {
		t.Errorf("before learning: %q, want the (wrong) first cover [王洪 文康生]", before.Persons)
	}
	r := NewResolver(Options{NoBuiltinNames: true})
	r.Learn([]string{"王洪文", "讲话", "照片", "马来西亚", "总理"})
	if got := r.Learned(); !slices.Equal(got, []string{"王洪文"}) {
		t.Errorf("Learned() = %q, want [王洪文] (events, roles, places and other words are not names)", got)
	}
	after := one(t, r, "王洪文康生", corpus.Date{})
	if !slices.Equal(after.Persons, []string{"王洪文", "康生"}) {
		t.Errorf("after learning: %q (%s), want [王洪文 康生]", after.Persons, after.Reason)
	}
	// Learning a run-together entry learns nothing: it is no single name.
	r = NewResolver(Options{NoBuiltinNames: true})
	r.Learn([]string{"王洪文", "张三丰李四光"})
	if got := r.Learned(); len(got) != 1 {
		t.Errorf("Learned() = %q after a run-together entry, want it unchanged", got)
	}
}

func TestNeverSplitForeignNames(t *testing.T) {
	// No built-in names, and short learned names that would split the foreign ones.
	r := NewResolver(Options{NoBuiltinNames: true, KnownNames: []string{"赫鲁", "晓夫", "福田", "赳夫", "小泉"}})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"福田赳夫", Person, []string{"福田赳夫"}, "Japanese name"},
		{"小泉纯一郎", Person, []string{"小泉纯一郎"}, "Japanese name"},
		{"卡斯特罗", Person, []string{"卡斯特罗"}, "transliterated"},
		{"戈尔巴乔夫", Person, []string{"戈尔巴乔夫"}, "transliterated"},
		{"尼·谢·赫鲁晓夫", Person, []string{"尼·谢·赫鲁晓夫"}, "transliterated"},
	})
	// 赫鲁晓夫 itself, once known, is never cut into the known 赫鲁 + 晓夫.
	r2 := NewResolver(Options{NoBuiltinNames: true, KnownNames: []string{"赫鲁", "晓夫", "赫鲁晓夫"}})
	checkEntries(t, r2, corpus.Date{}, []entryWant{
		{"赫鲁晓夫", Person, []string{"赫鲁晓夫"}, "known name"},
	})
}

func TestRoleFollowsPerson(t *testing.T) {
	r := NewResolver(Options{})
	es := r.Resolve([]string{"江泽民", "主席", "乔石", "委员长", "会见", "总理"}, corpus.Date{})
	var of []string
	for _, e := range es {
		of = append(of, e.Of)
	}
	// 总理 after 会见 follows no person directly.
	if want := []string{"", "江泽民", "", "乔石", "", ""}; !slices.Equal(of, want) {
		t.Errorf("Of = %q, want %q", of, want)
	}
	if got := Persons(es); !slices.Equal(got, []string{"江泽民", "乔石"}) {
		t.Errorf("Persons = %q", got)
	}
}

func TestPersonsDistinctInOrder(t *testing.T) {
	r := NewResolver(Options{})
	es := r.Resolve([]string{"毛主席", "刘少奇", "毛泽东", "刘少奇周恩来"}, corpus.Date{})
	if got, want := Persons(es), []string{"毛泽东", "刘少奇", "周恩来"}; !slices.Equal(got, want) {
		t.Errorf("Persons = %q, want %q", got, want)
	}
}

func TestHomonymBush(t *testing.T) {
	d := func(y, m, day int) corpus.Date { return corpus.Date{Year: y, Month: time.Month(m), Day: day} }
	plain := NewResolver(Options{})
	checkEntries(t, plain, d(1975, 10, 20), []entryWant{{"布什", Person, []string{"布什"}, "most likely 老布什"}})
	byDate := NewResolver(Options{DisambiguateByDate: true})
	checkEntries(t, byDate, d(1975, 10, 20), []entryWant{{"布什", Person, []string{"老布什"}, "George H. W. Bush"}})
	checkEntries(t, byDate, d(2001, 10, 20), []entryWant{{"布什", Person, []string{"小布什"}, "George W. Bush"}})
	checkEntries(t, byDate, d(1997, 1, 1), []entryWant{{"布什", Person, []string{"布什"}, "does not tell"}})
	checkEntries(t, byDate, corpus.Date{}, []entryWant{{"布什总统", Person, []string{"布什"}, "does not tell"}})
}

// TestSegmenterHook: an entry with pinyin inside cannot be covered by the rules (they
// split Han characters only); a segmenter that cuts it is used, and each word must still
// resolve to a person.
func TestSegmenterHook(t *testing.T) {
	calls := 0
	seg := SegmenterFunc(func(s string) []string {
		calls++
		if s == "彭pei云李鹏" {
			return []string{"彭pei云", "李鹏"}
		}
		return []string{s}
	})
	r := NewResolver(Options{Segmenter: seg})
	checkEntries(t, r, corpus.Date{}, []entryWant{
		{"彭pei云李鹏", Person, []string{"彭珮云", "李鹏"}, "split by the segmenter"},
		{"江泽民", Person, []string{"江泽民"}, "known"}, // no segmenter call needed
	})
	if calls != 1 {
		t.Errorf("segmenter called %d times, want 1", calls)
	}
	// Without a segmenter the entry is one name with pinyin (the rules' best).
	checkEntries(t, NewResolver(Options{}), corpus.Date{}, []entryWant{
		{"彭pei云李鹏", Person, []string{"彭pei云李鹏"}, "pinyin"},
	})
}

func TestConcurrentResolve(t *testing.T) {
	r := NewResolver(Options{})
	r.Learn([]string{"李洪九"})
	want := Persons(r.Resolve([]string{"毛泽东刘少奇赫鲁晓夫等", "李洪九", "总理"}, corpus.Date{}))
	done := make(chan []string)
	for range 8 {
		go func() {
			done <- Persons(r.Resolve([]string{"毛泽东刘少奇赫鲁晓夫等", "李洪九", "总理"}, corpus.Date{}))
		}()
	}
	for range 8 {
		if got := <-done; !slices.Equal(got, want) {
			t.Errorf("concurrent Resolve = %q, want %q", got, want)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	r := NewResolver(Options{})
	lists := [][]string{
		{"毛泽东", "主席", "会见", "拉扎克", "马来西亚总理", "访华"},
		{"毛泽东刘少奇赫鲁晓夫等"},
		{"江泽民", "李鹏", "李瑞环", "胡锦涛", "尉健行", "李岚清", "朱镕基", "出席会议"},
		{"卡特总统", "中苏友好协会总会副会长", "朱 基"},
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.Resolve(lists[i%len(lists)], corpus.Date{})
	}
}

func TestTextFinder(t *testing.T) {
	f := NewTextFinder([]string{"毛泽东", "万里", "万里浪", "江", "刘少奇"}, map[string]string{
		"毛主席": "毛泽东", "周总理": "周恩来", // 周恩来 is not among the names: alias ignored
	})
	got := f.Find("毛主席和周总理在万里浪家。", "江水万里，刘少奇。毛泽东")
	// 万里浪 is matched whole (longest first), then 万里 in 江水万里 (a false positive the
	// doc warns of); 江 (one character) is ignored; 毛泽东 is reported once.
	if want := []string{"毛泽东", "万里浪", "万里", "刘少奇"}; !slices.Equal(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
	if got := NewTextFinder(nil, nil).Find("毛泽东"); got != nil {
		t.Errorf("empty finder found %q", got)
	}
}

func TestTallyDedupAndOrder(t *testing.T) {
	d := func(y int) corpus.Date { return corpus.Date{Year: y, Month: 1, Day: 1} }
	add := func(tl *Tally, order []int) {
		arts := []struct {
			persons []string
			date    corpus.Date
			page    int
		}{
			{[]string{"乙", "甲", "乙"}, d(1990), 1}, // 乙 listed twice: one article
			{[]string{"甲"}, d(1980), 2},
			{[]string{"丙"}, corpus.Date{}, 1}, // undated
		}
		for _, i := range order {
			tl.Add(arts[i].persons, arts[i].date, arts[i].page)
		}
	}
	var a, b Tally
	add(&a, []int{0, 1, 2})
	add(&b, []int{2, 1, 0})
	want := []PersonStats{
		{"甲", 2, d(1980), d(1990), 1},
		{"丙", 1, corpus.Date{}, corpus.Date{}, 1}, // ties: Unicode order 丙 U+4E19 < 乙 U+4E59
		{"乙", 1, d(1990), d(1990), 1},
	}
	if got := a.Stats(); !slices.Equal(got, want) {
		t.Errorf("Stats = %+v, want %+v", got, want)
	}
	if got := b.Stats(); !slices.Equal(got, want) {
		t.Errorf("Stats in the other order = %+v, want %+v", got, want)
	}
}

// TestSegmenterAskedOnlyWhenASplitIsPossible: every word of a segmenter split must resolve,
// so entries shorter than two of the shortest resolvable names never reach the segmenter
// (whose dictionary takes seconds to load). The entries are from the generated corpora,
// where 授勋 and 约翰逊 were the only two that reached it.
func TestSegmenterAskedOnlyWhenASplitIsPossible(t *testing.T) {
	var asked []string
	seg := SegmenterFunc(func(text string) []string {
		asked = append(asked, text)
		if text == "丙乙" {
			return []string{"丙", "乙"}
		}
		return nil
	})
	r := NewResolver(Options{Segmenter: seg})
	r.Resolve([]string{"授勋", "约翰逊"}, corpus.Date{})
	if len(asked) != 0 {
		t.Errorf("without one-character names, the segmenter was asked %q", asked)
	}

	// With one-character aliases, a two-character entry can split into two names.
	r = NewResolver(Options{Segmenter: seg, Aliases: map[string]string{"丙": "毛泽东", "乙": "周恩来"}})
	got := Persons(r.Resolve([]string{"丙乙"}, corpus.Date{}))
	if !slices.Equal(asked, []string{"丙乙"}) || !slices.Equal(got, []string{"毛泽东", "周恩来"}) {
		t.Errorf("with one-character aliases: asked %q, persons %q; want [丙乙], [毛泽东 周恩来]", asked, got)
	}
}

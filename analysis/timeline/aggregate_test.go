package timeline

import (
	"math"
	"reflect"
	"slices"
	"testing"

	"github.com/baokan/baokan/analysis/burst"
	"github.com/baokan/baokan/corpus"
)

func testSeries(t *testing.T) []Series {
	t.Helper()
	re, err := Regex("^导")
	if err != nil {
		t.Fatal(err)
	}
	return []Series{Total(Articles), Total(Chars), Total(Tokens), Of(Term, "古巴"), re,
		Of(Person, "毛泽东"), Of(Topic, "外交"), Of(Genre, "消息")}
}

var testDocs = []Doc{
	{Date: date("1962-10-05"), Page: 1, Chars: 10, Words: []string{"古巴", "导弹", "古巴", "危机"},
		Persons: []string{"毛泽东"}, Topics: []string{"外交"}, Genres: []string{"消息"}},
	{Date: date("1962-10-20"), Page: 3, Chars: 20, Words: []string{"导弹", "基地"},
		Persons: []string{"毛泽东", "周恩来", "毛泽东"}, Genres: []string{"通讯"}},
	{Date: date("1962-12-01"), Page: 1, Chars: 5, Words: []string{"古巴"}, Genres: []string{"消息", "消息"}},
	{Page: 2, Chars: 7, Words: []string{"古巴"}}, // no valid date
}

// TestCountsByHand: the expected points are counted by hand from testDocs, series by
// series (the comments give the articles behind each count).
func TestCountsByHand(t *testing.T) {
	a, err := New(Month, testSeries(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range testDocs {
		a.Add(d)
	}
	if a.Undated() != 1 {
		t.Errorf("undated %d, want 1", a.Undated())
	}
	tab := a.Table()
	var labels []string
	for _, p := range tab.Periods {
		labels = append(labels, p.String())
	}
	if want := []string{"1962-10", "1962-11", "1962-12"}; !slices.Equal(labels, want) {
		t.Fatalf("periods %v, want %v", labels, want)
	}
	want := [][]Point{
		// articles: 2 in October (one on page 1), none in November, 1 in December (page 1)
		{{2, 2, 2, 1, 2}, {}, {1, 1, 1, 1, 1}},
		// chars: 10+20 and 5
		{{30, 30, 2, 1, 2}, {}, {5, 5, 1, 1, 1}},
		// tokens: 4+2 and 1
		{{6, 6, 2, 1, 2}, {}, {1, 1, 1, 1, 1}},
		// 古巴: twice in the first article (page 1) of 6 tokens; once of 1 in December
		{{2, 6, 1, 1, 2}, {}, {1, 1, 1, 1, 1}},
		// ^导 matches 导弹 in both October articles
		{{2, 6, 2, 1, 2}, {}, {0, 1, 0, 0, 1}},
		// 毛泽东: both October articles (listed twice in the second: one article)
		{{2, 2, 2, 1, 2}, {}, {0, 1, 0, 0, 1}},
		// 外交: the first article
		{{1, 2, 1, 1, 2}, {}, {0, 1, 0, 0, 1}},
		// 消息: the first article, and the December one (listed twice: one article)
		{{1, 2, 1, 1, 2}, {}, {1, 1, 1, 1, 1}},
	}
	if !reflect.DeepEqual(tab.Points, want) {
		t.Errorf("points\n%v\nwant\n%v", tab.Points, want)
	}
	if want := (Totals{Articles: 2, FrontPage: 1, Chars: 30, Tokens: 6}); tab.Totals[0] != want {
		t.Errorf("October totals %+v, want %+v", tab.Totals[0], want)
	}
	// 古巴 in October: 2 × 10,000 / 6; share 1/2; front page 1/1.
	p := tab.Points[3][0]
	if math.Abs(p.Per10k()-3333.333333) > 1e-6 || p.Share() != 0.5 || p.FrontPageShare() != 1 {
		t.Errorf("古巴 October: per_10k %v share %v front %v", p.Per10k(), p.Share(), p.FrontPageShare())
	}
	// November is empty: no rate.
	if p := tab.Points[3][1]; !math.IsNaN(p.Per10k()) || !math.IsNaN(p.Share()) || !math.IsNaN(p.FrontPageShare()) {
		t.Errorf("empty November: %v %v %v, want NaN", p.Per10k(), p.Share(), p.FrontPageShare())
	}
}

// TestMergeIsOrderFree: split among aggregators in any way and merged, the counts are
// those of one aggregator fed everything.
func TestMergeIsOrderFree(t *testing.T) {
	one, _ := New(Week, testSeries(t))
	for _, d := range testDocs {
		one.Add(d)
	}
	for split := 0; split <= len(testDocs); split++ {
		a, _ := New(Week, testSeries(t))
		b, _ := New(Week, testSeries(t))
		for i, d := range testDocs {
			if i < split {
				b.Add(d)
			} else {
				a.Add(d)
			}
		}
		if err := a.Merge(b); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a.Table(), one.Table()) || a.Undated() != one.Undated() {
			t.Errorf("split at %d: merged table differs", split)
		}
	}
	other, _ := New(Month, testSeries(t))
	if err := one.Merge(other); err == nil {
		t.Error("merging a month aggregator into a week one: no error")
	}
}

func TestNewRejects(t *testing.T) {
	for _, s := range [][]Series{
		{Of(Person, "毛泽东"), Of(Person, "毛泽东")},
		{Of(Person, "")},
		{{Kind: Articles, Value: "x"}},
		{{Kind: TermRegex, Value: "x"}}, // not built by Regex
	} {
		if _, err := New(Year, s); err == nil {
			t.Errorf("%v: no error", s)
		}
	}
	if _, err := Regex("("); err == nil {
		t.Error("Regex(\"(\"): no error")
	}
}

func TestEmpty(t *testing.T) {
	a, _ := New(Year, []Series{Total(Articles)})
	a.Add(Doc{})
	tab := a.Table()
	if len(tab.Periods) != 0 || a.Undated() != 1 {
		t.Errorf("periods %v undated %d", tab.Periods, a.Undated())
	}
}

// TestTableBursts: the counts of burst's hand-worked example (5,5,30,30,5 of 100 a year)
// give the burst found there, years 2 to 3; the totals get none.
func TestTableBursts(t *testing.T) {
	a, _ := New(Year, []Series{Total(Articles), Of(Person, "甲")})
	for y, r := range []int{5, 5, 30, 30, 5} {
		for i := range 100 {
			d := Doc{Date: date("1960-01-01")}
			d.Date.Year += y
			if i < r {
				d.Persons = []string{"甲"}
			}
			a.Add(d)
		}
	}
	b, err := a.Table().Bursts(burst.Default())
	if err != nil {
		t.Fatal(err)
	}
	if b[0] != nil || len(b[1]) != 1 || b[1][0].Start != 2 || b[1][0].End != 3 {
		t.Errorf("bursts %+v", b)
	}
	if got := Levels(b[1], 5); !slices.Equal(got, []int{0, 0, 1, 1, 0}) {
		t.Errorf("levels %v", got)
	}
}

func TestMovingAverage(t *testing.T) {
	nan := math.NaN()
	// by hand: (1), (1+3)/2, (1+3+5)/3, (3+5)/2 with NaN left out, (5)/1, NaN
	got := MovingAverage([]float64{1, 3, 5, nan, nan, nan}, 3)
	want := []float64{1, 2, 3, 4, 5, nan}
	for i := range want {
		if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			t.Errorf("MovingAverage: %v, want %v", got, want)
			break
		}
	}
}

// TestAddAllocatesNothing: once a period exists and the regex has met the words, adding an
// article allocates nothing, however many words it has.
func TestAddAllocatesNothing(t *testing.T) {
	a, _ := New(Month, testSeries(t))
	d := testDocs[0]
	a.Add(d)
	if n := testing.AllocsPerRun(100, func() { a.Add(d) }); n != 0 {
		t.Errorf("Add allocates %v times an article", n)
	}
}

func BenchmarkAdd(b *testing.B) {
	re, _ := Regex("^导弹")
	a, _ := New(Month, []Series{Total(Articles), Total(Tokens), Of(Term, "古巴"), Of(Term, "导弹"), re, Of(Person, "毛泽东")})
	words := make([]string, 0, 400)
	for i := range 400 {
		words = append(words, []string{"古巴", "导弹", "危机", "美国", "苏联", "的", "人民"}[i%7])
	}
	d := Doc{Date: date("1962-10-28"), Page: 1, Chars: 1000, Words: words, Persons: []string{"毛泽东", "周恩来"}}
	b.ReportAllocs()
	for b.Loop() {
		a.Add(d)
	}
}

// TestPaperSeries counts the articles of each paper by hand: in 1962, two of the People's
// Daily (one on page 1) and one of the PLA Daily (page 1) of four articles; the undated one
// is left out.
func TestPaperSeries(t *testing.T) {
	a, err := New(Year, []Series{Total(Articles), Of(Paper, "人民日报"), Of(Paper, "解放军报")})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []Doc{
		{Date: date("1962-10-05"), Page: 1, Paper: "人民日报"},
		{Date: date("1962-10-06"), Page: 2, Paper: "人民日报"},
		{Date: date("1962-10-06"), Page: 1, Paper: "解放军报"},
		{Date: date("1962-11-01"), Page: 3},
		{Page: 1, Paper: "人民日报"},
	} {
		a.Add(d)
	}
	tab := a.Table()
	if len(tab.Periods) != 1 || Of(Paper, "人民日报").Name() != "paper:人民日报" {
		t.Fatalf("periods %v", tab.Periods)
	}
	want := [][]Point{{{4, 4, 4, 2, 4}}, {{2, 4, 2, 1, 4}}, {{1, 4, 1, 1, 4}}}
	for i := range want {
		if !reflect.DeepEqual(tab.Points[i], want[i]) {
			t.Errorf("%s: %+v, want %+v", tab.Series[i].Name(), tab.Points[i], want[i])
		}
	}
}

func date(s string) corpus.Date {
	d, err := corpus.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

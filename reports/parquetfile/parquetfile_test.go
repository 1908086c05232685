package parquetfile

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/internal/arrowread"
)

// writeFile writes a table with fn into a temporary file and reads it back with Apache
// Arrow's reader, which shares no code with the writer.
func writeFile(t *testing.T, fn func(f *os.File) error) *arrowread.Table {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := fn(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	tbl, err := arrowread.Read(path)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestArticlesReadBackByArrow(t *testing.T) {
	arts := []*corpus.Article{
		{Path: "txt/1962/196210/19621029/196210290305.TXT", Line: 1, Serial: 1234, DateRaw: "19621029",
			Date: corpus.Date{Year: 1962, Month: 10, Day: 29}, Page: 3, Item: 5, Kicker: "引", Title: "赫鲁晓夫肯尼迪互致信件",
			Subtitles: []string{"副一", "副二"}, Authors: []string{"新华社"}, AuthorUnit: "本报", Classification: "国际",
			Column: "栏目", PageName: "国际新闻", Topics: []string{"美苏（苏联）关系"}, Genres: []string{"消息"},
			RW: []string{"赫鲁晓夫", "肯尼迪", "互致信件"}, RWSource: corpus.RWFromGJ,
			Body: []string{"第一段。", "第二段"}, Paper: "解放军报"},
		{Path: "a.txt", Line: 40, DateRaw: "19621399"}, // an invalid date, no lists, no body
	}
	persons := [][]string{{"赫鲁晓夫", "肯尼迪"}, nil}
	tbl := writeFile(t, func(f *os.File) error {
		w := NewArticleWriter(f)
		var row Article // one row reused, as the command does: no value may leak
		for i, a := range arts {
			row.Set(int64(i), a, persons[i])
			if i == 0 {
				row.SetTokens(7)
			}
			if err := w.Write(&row); err != nil {
				return err
			}
		}
		return w.Close()
	})

	var names []string
	for _, c := range ArticleColumns() {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(tbl.Names, names) {
		t.Fatalf("columns %v\nwant (ArticleColumns) %v", tbl.Names, names)
	}
	// The types Arrow (and so pandas through pyarrow) gives the columns.
	types := map[string]string{}
	for i, n := range tbl.Names {
		types[n] = tbl.Types[i]
	}
	for col, want := range map[string]string{"article": "int64", "line": "int32", "date": "date32",
		"year": "int32", "title": "utf8", "paper": "utf8", "persons": "list<element: utf8>", "tokens": "int32"} {
		if !strings.HasPrefix(types[col], want) {
			t.Errorf("%s: Arrow type %s, want %s", col, types[col], want)
		}
	}

	// Expected rows: the fields set above, by hand. 1962-10-29 is day -2621 since the
	// Unix epoch; Arrow formats the date itself.
	want := map[string][]any{
		"article":        {int64(0), int64(1)},
		"path":           {arts[0].Path, "a.txt"},
		"line":           {int32(1), int32(40)},
		"paper":          {"解放军报", ""},
		"serial":         {int32(1234), int32(0)},
		"date":           {"1962-10-29", nil},
		"date_raw":       {"19621029", "19621399"},
		"year":           {int32(1962), nil},
		"page":           {int32(3), int32(0)},
		"item":           {int32(5), int32(0)},
		"kicker":         {"引", ""},
		"title":          {"赫鲁晓夫肯尼迪互致信件", ""},
		"subtitle":       {[]string{"副一", "副二"}, []string{}},
		"authors":        {[]string{"新华社"}, []string{}},
		"author_unit":    {"本报", ""},
		"classification": {"国际", ""},
		"column":         {"栏目", ""},
		"page_name":      {"国际新闻", ""},
		"topics":         {[]string{"美苏（苏联）关系"}, []string{}},
		"genres":         {[]string{"消息"}, []string{}},
		"rw":             {[]string{"赫鲁晓夫", "肯尼迪", "互致信件"}, []string{}},
		"rw_source":      {"GJ", ""},
		"persons":        {[]string{"赫鲁晓夫", "肯尼迪"}, []string{}},
		"paragraphs":     {int32(2), int32(0)},
		"chars":          {int32(7), int32(0)}, // 第一段。 and 第二段: 4 + 3 code points
		"tokens":         {int32(7), nil},
	}
	for col, cells := range want {
		if !reflect.DeepEqual(tbl.Columns[col], cells) {
			t.Errorf("%s: %#v, want %#v", col, tbl.Columns[col], cells)
		}
	}
}

func TestTokensReadBackByArrow(t *testing.T) {
	// TokenRowGroup+3 rows: two row groups. Article i has i%7 words "w<i>-<j>".
	var want []string
	tbl := writeFile(t, func(f *os.File) error {
		w := NewTokenWriter(f)
		var words []string
		for id := int64(0); w.Rows() < TokenRowGroup+3; id++ {
			words = words[:0]
			for j := 0; j < int(id%7) && len(want) < TokenRowGroup+3; j++ {
				words = append(words, fmt.Sprintf("w%d", (id+int64(j))%100))
				want = append(want, fmt.Sprintf("%d %d %s", id, j, words[j]))
			}
			if err := w.WriteArticle(id, words); err != nil {
				return err
			}
		}
		return w.Close()
	})
	if tbl.RowGroups != 2 {
		t.Errorf("%d row groups, want 2 for %d rows", tbl.RowGroups, TokenRowGroup+3)
	}
	if tbl.Rows() != len(want) {
		t.Fatalf("%d rows, want %d", tbl.Rows(), len(want))
	}
	for i, w := range want {
		got := fmt.Sprintf("%d %d %s", tbl.Columns["article"][i], tbl.Columns["position"][i], tbl.Columns["term"][i])
		if got != w {
			t.Fatalf("row %d: %q, want %q", i, got, w)
		}
	}
	if !strings.Contains(strings.Join(tbl.Encodings["term"], " "), "DICTIONARY") {
		t.Errorf("term encodings %v: want dictionary encoding", tbl.Encodings["term"])
	}
	var names []string
	for _, c := range TokenColumns() {
		names = append(names, c.Name)
	}
	if !reflect.DeepEqual(tbl.Names, names) {
		t.Errorf("columns %v, want (TokenColumns) %v", tbl.Names, names)
	}
}

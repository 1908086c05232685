package parquetfile

import (
	"os"
	"reflect"
	"testing"

	"github.com/baokan/baokan/corpus"
)

// The lookup table read back by Apache Arrow: the columns in order (categories' names
// as given, in Chinese, with a dot), the rows as written.
func TestLookupReadBackByArrow(t *testing.T) {
	arts := []*corpus.Article{
		{Path: "a.TXT", Line: 1, Date: corpus.Date{Year: 1962, Month: 10, Day: 29}, Page: 3, Item: 5, Title: "赫鲁晓夫肯尼迪互致信件"},
		{Path: "b.TXT", Line: 40}, // no date
	}
	counts := [][]int{{2, 0}, {0, 5}}
	idx := [][]bool{{true}, {false}}
	tbl := writeFile(t, func(f *os.File) error {
		w, err := NewLookupWriter(f, []string{"经济", "policy.财政"}, []string{"经济 AND NOT policy.财政"})
		if err != nil {
			return err
		}
		for i, a := range arts {
			if err := w.Write(a, 10*(i+1), counts[i], idx[i]); err != nil {
				return err
			}
		}
		return w.Close()
	})
	names := []string{"path", "line", "date", "page", "item", "title", "words", "经济", "经济_match",
		"policy.财政", "policy.财政_match", "index:经济 AND NOT policy.财政"}
	if !reflect.DeepEqual(tbl.Names, names) {
		t.Fatalf("columns %v, want %v", tbl.Names, names)
	}
	want := map[string][]any{
		"path":                       {"a.TXT", "b.TXT"},
		"line":                       {int32(1), int32(40)},
		"date":                       {"1962-10-29", nil},
		"page":                       {int32(3), int32(0)},
		"title":                      {"赫鲁晓夫肯尼迪互致信件", ""},
		"words":                      {int32(10), int32(20)},
		"经济":                         {int32(2), int32(0)},
		"经济_match":                   {int32(1), int32(0)},
		"policy.财政":                  {int32(0), int32(5)},
		"policy.财政_match":            {int32(0), int32(1)},
		"index:经济 AND NOT policy.财政": {int32(1), int32(0)},
	}
	for col, cells := range want {
		if !reflect.DeepEqual(tbl.Columns[col], cells) {
			t.Errorf("%s: %#v, want %#v", col, tbl.Columns[col], cells)
		}
	}
	if _, err := NewLookupWriter(os.Stderr, []string{"a,b"}, nil); err == nil {
		t.Error("a category with a comma: want an error")
	}
}

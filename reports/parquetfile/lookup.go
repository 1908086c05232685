package parquetfile

import (
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/baokan/baokan/corpus"
)

// LookupColumns are the fixed columns of the lookup table (baokan lookup --parquet), before
// the categories' columns.
func LookupColumns() []Column {
	return []Column{
		{"path", "string", "the source file (dictionary-encoded)"},
		{"line", "int32", "the article's first line in the file"},
		{"date", "date (nullable)", "RQ, null when missing or not a real date"},
		{"page", "int32", "BH"},
		{"item", "int32", "TH"},
		{"title", "string", "BT"},
		{"words", "int32", "the body's words as cut (every token)"},
	}
}

// LookupWriter writes the article × category table of a concept dictionary: the fixed
// columns (LookupColumns), then for each category C the int32 columns C (its matches) and
// C_match (1 when it has a match, else 0), then for each index expression E the int32
// column index:E (1 when the article matches it). Rows stream as the articles writer's do.
type LookupWriter struct {
	w   *parquet.Writer
	row reflect.Value
	ptr reflect.Value // *row
	nc  int
}

// NewLookupWriter starts a lookup table on w for the categories and index expressions;
// Close ends it. A name with a comma is an error (Parquet-go's tags cannot hold it).
func NewLookupWriter(w io.Writer, categories, indexes []string) (*LookupWriter, error) {
	fields := []reflect.StructField{
		{Name: "Path", Type: reflect.TypeFor[string](), Tag: `parquet:"path,dict"`},
		{Name: "Line", Type: reflect.TypeFor[int32](), Tag: `parquet:"line,delta"`},
		{Name: "Date", Type: reflect.TypeFor[*int32](), Tag: `parquet:"date,date"`},
		{Name: "Page", Type: reflect.TypeFor[int32](), Tag: `parquet:"page"`},
		{Name: "Item", Type: reflect.TypeFor[int32](), Tag: `parquet:"item"`},
		{Name: "Title", Type: reflect.TypeFor[string](), Tag: `parquet:"title"`},
		{Name: "Words", Type: reflect.TypeFor[int32](), Tag: `parquet:"words"`},
	}
	var names []string
	for _, c := range categories {
		names = append(names, c, c+"_match")
	}
	for _, e := range indexes {
		names = append(names, "index:"+e)
	}
	for i, n := range names {
		if strings.ContainsAny(n, ",\"`") {
			return nil, fmt.Errorf("parquet: column name %q: a comma or quote cannot be written", n)
		}
		fields = append(fields, reflect.StructField{Name: fmt.Sprintf("C%d", i), Type: reflect.TypeFor[int32](),
			Tag: reflect.StructTag(`parquet:"` + n + `"`)})
	}
	typ := reflect.StructOf(fields)
	ptr := reflect.New(typ)
	schema := parquet.SchemaOf(ptr.Elem().Interface())
	opts := append(writerOptions(ArticleRowGroup), schema)
	return &LookupWriter{w: parquet.NewWriter(w, opts...), row: ptr.Elem(), ptr: ptr, nc: len(categories)}, nil
}

// Write adds the row of article a: its words, its categories' counts, its indices.
func (w *LookupWriter) Write(a *corpus.Article, words int, counts []int, indexes []bool) error {
	r := w.row
	r.Field(0).SetString(a.Path)
	r.Field(1).SetInt(int64(a.Line))
	if a.Date.IsZero() {
		r.Field(2).SetZero()
	} else {
		d := int32(a.Date.Time().Unix() / 86400)
		r.Field(2).Set(reflect.ValueOf(&d))
	}
	r.Field(3).SetInt(int64(a.Page))
	r.Field(4).SetInt(int64(a.Item))
	r.Field(5).SetString(a.Title)
	r.Field(6).SetInt(int64(words))
	f := 7
	for _, n := range counts {
		r.Field(f).SetInt(int64(n))
		r.Field(f + 1).SetInt(int64(bit(n > 0)))
		f += 2
	}
	for _, ok := range indexes {
		r.Field(f).SetInt(int64(bit(ok)))
		f++
	}
	return w.w.Write(w.ptr.Interface())
}

func bit(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Close writes the buffered rows and the footer. It does not close the underlying writer.
func (w *LookupWriter) Close() error { return w.w.Close() }

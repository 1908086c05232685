// Package parquetfile writes the corpus as two Apache Parquet tables, so that pandas, R
// (arrow), DuckDB or Spark can take a study over where baokan stops: the articles table,
// one row per article with every field, and the token table, one row per kept word of
// each article, joined on the article id.
//
// Both writers stream: rows are buffered up to one row group (ArticleRowGroup,
// TokenRowGroup rows), then compressed (zstd) and written, so memory does not grow
// with the corpus. The files use data pages of format version 1, which every
// Parquet reader reads, and depend only on the rows written: the same rows give the
// same bytes.
//
// The column types, names and meanings are in ArticleColumns and TokenColumns; the
// Parquet format is specified at https://parquet.apache.org/docs/file-format/.
package parquetfile

import (
	"io"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"

	"github.com/baokan/baokan/corpus"
)

// Row-group sizes. A row group is the unit a reader skips or reads in parallel; readers
// work best with groups of some tens of MB (DuckDB writes 122,880 rows, Arrow up to 1M).
const (
	ArticleRowGroup = 65536   // some 15 MB of metadata, encoded, on the generated corpus
	TokenRowGroup   = 1 << 20 // about 2 MB once dictionary-encoded and compressed
)

// Article is one row of the articles table. Lists are never null (an empty list when
// the field is missing); date and year are null when the RQ date is missing or not
// a real date; tokens is null when the words were not counted.
type Article struct {
	Article        int64    `parquet:"article,delta"`
	Path           string   `parquet:"path,dict"`
	Line           int32    `parquet:"line,delta"`
	Paper          string   `parquet:"paper,dict"`
	Serial         int32    `parquet:"serial"`
	Date           *int32   `parquet:"date,date"` // days since 1970-01-01
	DateRaw        string   `parquet:"date_raw,dict"`
	Year           *int32   `parquet:"year,optional"`
	Page           int32    `parquet:"page"`
	Item           int32    `parquet:"item"`
	Kicker         string   `parquet:"kicker"`
	Title          string   `parquet:"title"`
	Subtitle       []string `parquet:"subtitle,list"`
	Authors        []string `parquet:"authors,list"`
	AuthorUnit     string   `parquet:"author_unit,dict"`
	Classification string   `parquet:"classification,dict"`
	Column         string   `parquet:"column,dict"`
	PageName       string   `parquet:"page_name,dict"`
	Topics         []string `parquet:"topics,list"`
	Genres         []string `parquet:"genres,list"`
	RW             []string `parquet:"rw,list"`
	RWSource       string   `parquet:"rw_source,dict"`
	Persons        []string `parquet:"persons,list"`
	Paragraphs     int32    `parquet:"paragraphs"`
	Chars          int32    `parquet:"chars"`
	Tokens         *int32   `parquet:"tokens,optional"`

	date, year, tokens int32 // what Date, Year and Tokens point to, so a row allocates nothing
}

// Set fills the row from a: id is the article's number in the table (0-based, the join
// key), persons its resolved persons (nil for none). The slices of a are kept, not
// copied: write the row before a changes. The token count is left null (SetTokens).
func (r *Article) Set(id int64, a *corpus.Article, persons []string) {
	date, year, tokens := r.date, r.year, r.tokens
	*r = Article{
		Article:        id,
		Path:           a.Path,
		Line:           int32(a.Line),
		Paper:          a.Paper,
		Serial:         int32(a.Serial),
		DateRaw:        a.DateRaw,
		Page:           int32(a.Page),
		Item:           int32(a.Item),
		Kicker:         a.Kicker,
		Title:          a.Title,
		Subtitle:       list(a.Subtitles),
		Authors:        list(a.Authors),
		AuthorUnit:     a.AuthorUnit,
		Classification: a.Classification,
		Column:         a.Column,
		PageName:       a.PageName,
		Topics:         list(a.Topics),
		Genres:         list(a.Genres),
		RW:             list(a.RW),
		RWSource:       string(a.RWSource),
		Persons:        list(persons),
		Paragraphs:     int32(len(a.Body)),
		Chars:          int32(a.BodyChars()),
		date:           date, year: year, tokens: tokens,
	}
	if !a.Date.IsZero() {
		r.date = int32(a.Date.Time().Unix() / 86400) // Time is midnight UTC: a whole number of days
		r.year = int32(a.Date.Year)
		r.Date, r.Year = &r.date, &r.year
	}
}

// SetTokens sets the row's count of kept words.
func (r *Article) SetTokens(n int) {
	r.tokens = int32(n)
	r.Tokens = &r.tokens
}

// list keeps a missing list an empty list: readers see [] rather than a null.
func list(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// Token is one row of the token table.
type Token struct {
	Article  int64  `parquet:"article,delta"`
	Position int32  `parquet:"position,delta"`
	Term     string `parquet:"term,dict"`
}

// Column documents one column of a table: its name, its type as readers see it, and
// its meaning.
type Column struct {
	Name, Type, Meaning string
}

// ArticleColumns describes the columns of the articles table, in file order.
func ArticleColumns() []Column {
	return []Column{
		{"article", "int64", "the article's number, 0-based in corpus order (path, then line): the join key"},
		{"path", "string", "the source file (ARCHIVE!MEMBER inside a .zip or .tar.gz)"},
		{"line", "int32", "1-based line of the article's first line in that file"},
		{"paper", "string", "the newspaper: 人民日报 or 文汇报 from the JSON forms, --tagged-paper for tagged files; empty when unnamed"},
		{"serial", "int32", "ZQ issue serial number; 0 when missing"},
		{"date", "date (nullable)", "RQ date; null when missing or not a real date"},
		{"date_raw", "string", "RQ as printed"},
		{"year", "int32 (nullable)", "the year of date; null with it"},
		{"page", "int32", "BH page; 0 when missing"},
		{"item", "int32", "TH item on the page; 0 when missing"},
		{"kicker", "string", "YT kicker (引题)"},
		{"title", "string", "BT title"},
		{"subtitle", "list<string>", "FT subtitles, in order"},
		{"authors", "list<string>", "ZZ authors"},
		{"author_unit", "string", "the DW unit inside ZZ"},
		{"classification", "string", "FL classification"},
		{"column", "string", "LM column (quote it in SQL: \"column\")"},
		{"page_name", "string", "BM page name"},
		{"topics", "list<string>", "GJ topics"},
		{"genres", "list<string>", "TC genres"},
		{"rw", "list<string>", "the raw RW entries as indexed (names, roles and events mixed)"},
		{"rw_source", "string", "where RW came from: GJ, body, or empty"},
		{"persons", "list<string>", "the distinct persons of RW, as 'baokan persons' resolves them"},
		{"paragraphs", "int32", "body paragraphs"},
		{"chars", "int32", "body characters (Unicode code points)"},
		{"tokens", "int32 (nullable)", "kept words (rows of the token table); null when words were not counted"},
	}
}

// TokenColumns describes the columns of the token table, in file order.
func TokenColumns() []Column {
	return []Column{
		{"article", "int64", "the article's number (articles.article)"},
		{"position", "int32", "0-based position among the article's kept words"},
		{"term", "string", "the word (dictionary-encoded)"},
	}
}

// writerOptions are the options of both tables: zstd pages of format version 1 (read by
// every reader, Spark's and older pyarrow included), at most rowGroup rows a group.
func writerOptions(rowGroup int64) []parquet.WriterOption {
	return []parquet.WriterOption{
		parquet.Compression(&zstd.Codec{Level: zstd.SpeedDefault}),
		parquet.DataPageVersion(1),
		parquet.MaxRowsPerRowGroup(rowGroup),
	}
}

// ArticleWriter writes the articles table.
type ArticleWriter struct {
	w   *parquet.GenericWriter[Article]
	row [1]Article
}

// NewArticleWriter starts an articles table on w; Close ends it.
func NewArticleWriter(w io.Writer) *ArticleWriter {
	return &ArticleWriter{w: parquet.NewGenericWriter[Article](w, writerOptions(ArticleRowGroup)...)}
}

// Write adds one row. The row is copied into the writer's buffers: it can be reused.
func (w *ArticleWriter) Write(r *Article) error {
	w.row[0] = *r
	_, err := w.w.Write(w.row[:])
	w.row[0] = Article{} // keep no reference to the caller's slices
	return err
}

// Close writes the buffered rows and the file's footer. It does not close the
// underlying writer.
func (w *ArticleWriter) Close() error { return w.w.Close() }

// TokenWriter writes the token table.
type TokenWriter struct {
	w    *parquet.GenericWriter[Token]
	rows []Token
	n    int64
}

// NewTokenWriter starts a token table on w; Close ends it.
func NewTokenWriter(w io.Writer) *TokenWriter {
	return &TokenWriter{w: parquet.NewGenericWriter[Token](w, writerOptions(TokenRowGroup)...)}
}

// WriteArticle adds the rows of one article: its words in order, at positions 0, 1, ….
// Articles must come in increasing id order, so the table is sorted by article, then
// position. words may be reused once it returns.
func (w *TokenWriter) WriteArticle(article int64, words []string) error {
	rows := w.rows[:0]
	for i, t := range words {
		rows = append(rows, Token{Article: article, Position: int32(i), Term: t})
	}
	w.rows = rows
	_, err := w.w.Write(rows)
	w.n += int64(len(rows))
	return err
}

// Rows returns the number of rows written so far.
func (w *TokenWriter) Rows() int64 { return w.n }

// Close writes the buffered rows and the file's footer. It does not close the
// underlying writer.
func (w *TokenWriter) Close() error { return w.w.Close() }

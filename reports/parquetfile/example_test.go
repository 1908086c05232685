package parquetfile_test

import (
	"bytes"
	"fmt"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/baokan/baokan/corpus"
	"github.com/baokan/baokan/reports/parquetfile"
)

// Write the articles table of two articles, then read it back. The values printed are the
// fields set here (the reading goes through parquet-go's generic reader; the tests read
// the files with Apache Arrow's independent implementation).
func Example() {
	arts := []*corpus.Article{
		{Path: "196210290305.TXT", Line: 1, Paper: "解放军报", Title: "赫鲁晓夫肯尼迪互致信件",
			Date: corpus.Date{Year: 1962, Month: time.October, Day: 29}, RW: []string{"赫鲁晓夫", "肯尼迪", "互致信件"}},
		{Path: "json/1966/5/3.json", Line: 1, Paper: "人民日报", Title: "五一六通知"},
	}
	persons := [][]string{{"赫鲁晓夫", "肯尼迪"}, nil}
	var buf bytes.Buffer
	w := parquetfile.NewArticleWriter(&buf)
	var row parquetfile.Article // one row reused: Set fills every field
	for i, a := range arts {
		row.Set(int64(i), a, persons[i])
		if err := w.Write(&row); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := w.Close(); err != nil {
		fmt.Println(err)
		return
	}
	rows, err := parquet.Read[parquetfile.Article](bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range rows {
		year := "null"
		if r.Year != nil {
			year = fmt.Sprint(*r.Year)
		}
		fmt.Println(r.Article, r.Paper, year, r.Title, r.Persons)
	}
	fmt.Println(parquetfile.ArticleColumns()[3].Name)
	// Output:
	// 0 解放军报 1962 赫鲁晓夫肯尼迪互致信件 [赫鲁晓夫 肯尼迪]
	// 1 人民日报 null 五一六通知 []
	// paper
}

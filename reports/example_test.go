package reports_test

import (
	"fmt"
	"os"

	"github.com/baokan/baokan/reports"
)

func ExampleWriter() {
	w := reports.NewWriter(os.Stdout, reports.FormatJSONL, []string{"word", "count", "share", "tags"})
	w.WriteRow("人民", 12, 0.25, []string{"n", "名词"})
	w.WriteRow("解放军", 3, 1e-7, nil)
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"word":"人民","count":12,"share":0.25,"tags":["n","名词"]}
	// {"word":"解放军","count":3,"share":1e-7,"tags":null}
}

func ExampleWriteTable() {
	t := reports.Table{
		Title:   "ignored outside the terminal table",
		Columns: []string{"word", "note"},
		Rows:    [][]any{{"人民", "a, \"quoted\"\nnote"}, {"报", nil}},
	}
	if err := reports.WriteTable(os.Stdout, reports.FormatCSV, t); err != nil {
		fmt.Println(err)
	}
	// Output:
	// word,note
	// 人民,"a, ""quoted""
	// note"
	// 报,
}

func ExampleParseFormat() {
	_, err := reports.ParseFormat("xlsx")
	fmt.Println(err)
	// Output: unknown output format "xlsx" (choose one of table, csv, json, jsonl)
}

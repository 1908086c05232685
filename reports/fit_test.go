package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

func TestFitWidths(t *testing.T) {
	// Widest first, the leftmost among equals; sums checked by hand.
	for _, tc := range []struct {
		natural, minimum []int
		avail            int
		want             string
	}{
		{[]int{10, 5}, []int{3, 3}, 20, "[10 5]"},
		{[]int{10, 5}, []int{3, 3}, 12, "[7 5]"},
		{[]int{10, 10}, []int{3, 3}, 15, "[7 8]"},
		{[]int{10, 10}, []int{3, 9}, 12, "[3 9]"},
		{[]int{10, 10}, []int{3, 9}, 11, "none"},
	} {
		got, ok := fitWidths(tc.natural, tc.minimum, tc.avail)
		s := fmt.Sprint(got)
		if !ok {
			s = "none"
		}
		if s != tc.want {
			t.Errorf("fitWidths(%v, %v, %d) = %s, want %s", tc.natural, tc.minimum, tc.avail, s, tc.want)
		}
	}
}

func TestWrapHeader(t *testing.T) {
	for _, tc := range []struct {
		name  string
		width int
		want  string
	}{
		{"reference_per_10k", 20, "reference_per_10k"},
		{"reference_per_10k", 14, "reference_per_\n10k"}, // greedy: as many parts a line as fit
		{"reference_per_10k", 10, "reference_\nper_10k"},
		{"reference_per_10k", 7, "referen\nce_per_\n10k"},
		{"target_count", 7, "target_\ncount"},
		{"page_name", 5, "page_\nname"},
	} {
		if got := wrapHeader(tc.name, tc.width); got != tc.want {
			t.Errorf("wrapHeader(%q, %d) = %q, want %q", tc.name, tc.width, got, tc.want)
		}
	}
}

// maxLineWidth is the widest line of s, as the terminal shows it.
func maxLineWidth(s string) int {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, twwidth.Width(line))
	}
	return w
}

// A table wider than the width is narrowed to it, every cell kept (its characters in
// order); numbers are never cut.
func TestWithWidthTable(t *testing.T) {
	long := "中国人民解放军总政治部关于加强部队思想政治工作的决定全文"
	table := Table{Columns: []string{"title", "reference_count", "note"}, Rows: [][]any{
		{long, 123456, "a short note in English that wraps at spaces"},
		{"短", 7, "x"},
	}}
	var wide, narrow bytes.Buffer
	if err := WriteTable(&wide, FormatTable, table); err != nil {
		t.Fatal(err)
	}
	if err := WriteTable(&narrow, FormatTable, table, WithWidth(50)); err != nil {
		t.Fatal(err)
	}
	if maxLineWidth(wide.String()) <= 50 {
		t.Fatalf("the test table is not wider than 50:\n%s", wide.String())
	}
	if got := maxLineWidth(narrow.String()); got > 50 {
		t.Errorf("width %d > 50:\n%s", got, narrow.String())
	}
	if !strings.Contains(narrow.String(), "123456") {
		t.Errorf("the number was cut:\n%s", narrow.String())
	}
	// Every character of the long title is there, in order.
	flat := strings.NewReplacer("│", "", " ", "", "\n", "").Replace(narrow.String())
	rest := flat
	for _, r := range long {
		i := strings.IndexRune(rest, r)
		if i < 0 {
			t.Fatalf("%q lost from the fitted table:\n%s", r, narrow.String())
		}
		rest = rest[i:]
	}
	// Without WithWidth, and with a width it fits in, the table is as it always was.
	var same bytes.Buffer
	if err := WriteTable(&same, FormatTable, table, WithWidth(1000)); err != nil {
		t.Fatal(err)
	}
	if same.String() != wide.String() {
		t.Errorf("WithWidth(1000) changed a table that fits:\n%s\nwant\n%s", same.String(), wide.String())
	}
}

// A table that cannot fit is written as records, each line within the width.
func TestWithWidthRecords(t *testing.T) {
	var columns []string
	row := []any{}
	for i := range 12 {
		columns = append(columns, fmt.Sprintf("column_%d", i))
		row = append(row, fmt.Sprintf("值%d", i))
	}
	var b bytes.Buffer
	if err := WriteTable(&b, FormatTable, Table{Columns: columns, Rows: [][]any{row, row}}, WithWidth(40)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if got := maxLineWidth(out); got > 40 {
		t.Errorf("records %d wide > 40:\n%s", got, out)
	}
	if n := strings.Count(out, "[ "); n != 2 {
		t.Errorf("%d records, want 2:\n%s", n, out)
	}
	if !strings.Contains(out, "column_11 │ 值11\n") && !strings.Contains(out, "column_11 | 值11\n") {
		t.Errorf("no line for column_11:\n%s", out)
	}
	// CSV ignores the width.
	var csv1, csv2 bytes.Buffer
	tab := Table{Columns: columns, Rows: [][]any{row}}
	WriteTable(&csv1, FormatCSV, tab)
	WriteTable(&csv2, FormatCSV, tab, WithWidth(40))
	if csv1.String() != csv2.String() {
		t.Error("WithWidth changed CSV")
	}
}

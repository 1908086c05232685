package reports

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

// testDate stands in for corpus.Date: a fmt.Stringer cell.
type testDate struct{ y, m, d int }

func (d testDate) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// sample has every kind of cell the package promises to handle: Chinese text, a list,
// floats, nil, a Stringer, and text with a comma, a quote and a line break.
var sample = Table{
	Title:   "词表",
	Columns: []string{"词", "频次", "占比", "标签", "备注", "日期"},
	Rows: [][]any{
		{"人民", 12, 0.25, []string{"n", "名词"}, nil, testDate{1962, 3, 1}},
		{"解放军报", int64(3), 1.0 / 3, []string{}, "他说：\"好, 很好\"\n第二行", testDate{1962, 3, 2}},
		{"x", -7, 1e-7, nil, "", nil},
	},
}

// The expected outputs below are written by hand from the rules in the doc comments.
// 1.0/3 prints as 0.3333333333333333, the shortest decimal that reads back as the same
// float64 (Python's repr(1/3) gives the same digits); 1e-7 is below 1e-6, so it takes
// the exponent form "1e-7" (JavaScript's String(1e-7) gives the same).

const sampleCSV = "词,频次,占比,标签,备注,日期\n" +
	"人民,12,0.25,n/名词,,1962-03-01\n" +
	"解放军报,3,0.3333333333333333,,\"他说：\"\"好, 很好\"\"\n第二行\",1962-03-02\n" +
	"x,-7,1e-7,,,\n"

const sampleJSONL = `{"词":"人民","频次":12,"占比":0.25,"标签":["n","名词"],"备注":null,"日期":"1962-03-01"}` + "\n" +
	`{"词":"解放军报","频次":3,"占比":0.3333333333333333,"标签":[],"备注":"他说：\"好, 很好\"\n第二行","日期":"1962-03-02"}` + "\n" +
	`{"词":"x","频次":-7,"占比":1e-7,"标签":null,"备注":"","日期":null}` + "\n"

// sampleJSON is sampleJSONL as the elements of one array, one a line.
var sampleJSON = "[\n" + strings.ReplaceAll(strings.TrimSuffix(sampleJSONL, "\n"), "}\n{", "},\n{") + "\n]\n"

// sampleTable: widths are display widths, a Chinese character counting two. 词 is 8
// wide (解放军报); 频次 4 (its header; right-aligned, as the column holds numbers only);
// 占比 9 (1e-7 < 1e-4 prints as 1.000e-07, the others as %.4f: 0.2500, 0.3333); 标签 6
// (n/名词); 备注 16 (他说："好, 很好", its line break starting a second line); 日期 10.
// Each cell has one space of padding on both sides.
const sampleTable = "词表\n" +
	"┌──────────┬──────┬───────────┬────────┬──────────────────┬────────────┐\n" +
	"│ 词       │ 频次 │      占比 │ 标签   │ 备注             │ 日期       │\n" +
	"├──────────┼──────┼───────────┼────────┼──────────────────┼────────────┤\n" +
	"│ 人民     │   12 │    0.2500 │ n/名词 │                  │ 1962-03-01 │\n" +
	"│ 解放军报 │    3 │    0.3333 │        │ 他说：\"好, 很好\" │ 1962-03-02 │\n" +
	"│          │      │           │        │ 第二行           │            │\n" +
	"│ x        │   -7 │ 1.000e-07 │        │                  │            │\n" +
	"└──────────┴──────┴───────────┴────────┴──────────────────┴────────────┘\n"

func writeSample(t *testing.T, f Format, opts ...Option) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteTable(&buf, f, sample, opts...); err != nil {
		t.Fatalf("WriteTable(%s): %v", f, err)
	}
	return buf.String()
}

// sampleTableASCII is sampleTable as drawn where box drawing counts two columns wide.
const sampleTableASCII = "词表\n" +
	"+----------+------+-----------+--------+------------------+------------+\n" +
	"| 词       | 频次 |      占比 | 标签   | 备注             | 日期       |\n" +
	"+----------+------+-----------+--------+------------------+------------+\n" +
	"| 人民     |   12 |    0.2500 | n/名词 |                  | 1962-03-01 |\n" +
	"| 解放军报 |    3 |    0.3333 |        | 他说：\"好, 很好\" | 1962-03-02 |\n" +
	"|          |      |           |        | 第二行           |            |\n" +
	"| x        |   -7 | 1.000e-07 |        |                  |            |\n" +
	"+----------+------+-----------+--------+------------------+------------+\n"

// wantTable is the exact table this process should draw: tablewriter reads the locale
// once, when the program starts.
func wantTable() string {
	if boxDrawingWide() {
		return sampleTableASCII
	}
	return sampleTable
}

func TestExactBytes(t *testing.T) {
	for _, tc := range []struct {
		format Format
		want   string
	}{
		{FormatCSV, sampleCSV},
		{FormatJSON, sampleJSON},
		{FormatJSONL, sampleJSONL},
		{FormatTable, wantTable()},
	} {
		got := writeSample(t, tc.format)
		if got != tc.want {
			t.Errorf("%s output:\n%s\nwant:\n%s", tc.format, got, tc.want)
		}
		if again := writeSample(t, tc.format); again != got {
			t.Errorf("%s output differs between two runs", tc.format)
		}
	}
}

// TestTableInTerminals draws the sample in child processes whose environment makes
// tablewriter measure box drawing as one column (RUNEWIDTH_EASTASIAN=0, the usual case)
// and as two (RUNEWIDTH_EASTASIAN=1 in a terminal it does not know, as a zh_CN locale on
// a Linux console gives), where the table must fall back to ASCII lines.
func TestTableInTerminals(t *testing.T) {
	for _, tc := range []struct {
		eastAsian string
		want      string
	}{
		{"0", sampleTable},
		{"1", sampleTableASCII},
	} {
		cmd := exec.Command(os.Args[0])
		for _, kv := range os.Environ() {
			// Drop what tablewriter takes for a modern terminal, which forces narrow boxes.
			if !strings.HasPrefix(kv, "TERM") && !strings.HasPrefix(kv, "VTE_VERSION=") &&
				!strings.HasPrefix(kv, "ALACRITTY_LOG=") && !strings.HasPrefix(kv, "RUNEWIDTH_EASTASIAN=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		cmd.Env = append(cmd.Env, childEnv+"=1", "TERM=linux", "RUNEWIDTH_EASTASIAN="+tc.eastAsian)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child with RUNEWIDTH_EASTASIAN=%s: %v\n%s", tc.eastAsian, err, out)
		}
		if string(out) != tc.want {
			t.Errorf("RUNEWIDTH_EASTASIAN=%s:\n%s\nwant:\n%s", tc.eastAsian, out, tc.want)
		}
	}
}

func TestBOM(t *testing.T) {
	if got := writeSample(t, FormatCSV, WithBOM()); got != "\uFEFF"+sampleCSV {
		t.Errorf("CSV with BOM starts %q", got[:min(len(got), 12)])
	}
	if got := writeSample(t, FormatJSONL, WithBOM()); got != sampleJSONL {
		t.Errorf("JSONL must ignore WithBOM, got %q", got[:min(len(got), 12)])
	}
}

// wantText is sample as CSV text: what a CSV reader must give back.
var wantText = [][]string{
	{"词", "频次", "占比", "标签", "备注", "日期"},
	{"人民", "12", "0.25", "n/名词", "", "1962-03-01"},
	{"解放军报", "3", "0.3333333333333333", "", "他说：\"好, 很好\"\n第二行", "1962-03-02"},
	{"x", "-7", "1e-7", "", "", ""},
}

func TestCSVReadsBack(t *testing.T) {
	records, err := csv.NewReader(strings.NewReader(writeSample(t, FormatCSV))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(records, wantText) {
		t.Errorf("read back %q\nwant %q", records, wantText)
	}
}

// wantJSON is sample as encoding/json decodes it into []any.
var wantJSON = []map[string]any{
	{"词": "人民", "频次": 12.0, "占比": 0.25, "标签": []any{"n", "名词"}, "备注": nil, "日期": "1962-03-01"},
	{"词": "解放军报", "频次": 3.0, "占比": 1.0 / 3, "标签": []any{}, "备注": "他说：\"好, 很好\"\n第二行", "日期": "1962-03-02"},
	{"词": "x", "频次": -7.0, "占比": 1e-7, "标签": nil, "备注": "", "日期": nil},
}

func TestJSONReadsBack(t *testing.T) {
	var array []map[string]any
	if err := json.Unmarshal([]byte(writeSample(t, FormatJSON)), &array); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(array, wantJSON) {
		t.Errorf("json read back %v\nwant %v", array, wantJSON)
	}
	lines := strings.Split(strings.TrimSuffix(writeSample(t, FormatJSONL), "\n"), "\n")
	if len(lines) != len(wantJSON) {
		t.Fatalf("jsonl has %d lines, want %d", len(lines), len(wantJSON))
	}
	for i, line := range lines {
		var obj map[string]any
		if err := json.Unmarshal([]byte(line), &obj); err != nil {
			t.Fatalf("jsonl line %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(obj, wantJSON[i]) {
			t.Errorf("jsonl line %d read back %v\nwant %v", i+1, obj, wantJSON[i])
		}
	}
}

func TestEmpty(t *testing.T) {
	for _, tc := range []struct {
		format Format
		want   string
	}{
		{FormatCSV, "a,b\n"},
		{FormatJSON, "[]\n"},
		{FormatJSONL, ""},
		{FormatTable, "┌───┬───┐\n│ a │ b │\n└───┴───┘\n"}, // the header, closed
	} {
		var buf bytes.Buffer
		if err := NewWriter(&buf, tc.format, []string{"a", "b"}).Close(); err != nil {
			t.Fatal(err)
		}
		if tc.format == FormatTable && boxDrawingWide() {
			tc.want = strings.NewReplacer("┌", "+", "┬", "+", "┐", "+", "└", "+", "┴", "+", "┘", "+", "─", "-", "│", "|").Replace(tc.want)
		}
		if buf.String() != tc.want {
			t.Errorf("empty %s = %q, want %q", tc.format, buf.String(), tc.want)
		}
	}
}

func TestRejectedRowLeavesOutputIntact(t *testing.T) {
	for _, f := range []Format{FormatCSV, FormatJSON, FormatJSONL, FormatTable} {
		var buf bytes.Buffer
		w := NewWriter(&buf, f, []string{"a", "b"})
		if err := w.WriteRow(1, complex(1, 2)); err == nil || !strings.Contains(err.Error(), `column "b"`) {
			t.Errorf("%s: complex cell: err = %v, want one naming column b", f, err)
		}
		if err := w.WriteRow(1); err == nil {
			t.Errorf("%s: short row accepted", f)
		}
		if err := w.WriteRow(1, "ok"); err != nil {
			t.Errorf("%s: good row after a bad one: %v", f, err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if err := w.WriteRow(2, "late"); err == nil {
			t.Errorf("%s: WriteRow after Close accepted", f)
		}
		if f == FormatJSON {
			var v []map[string]any
			if err := json.Unmarshal(buf.Bytes(), &v); err != nil || len(v) != 1 {
				t.Errorf("json after a rejected row: %v, %d objects, want 1: %q", err, len(v), buf.String())
			}
		}
		if f == FormatCSV && buf.String() != "a,b\n1,ok\n" {
			t.Errorf("csv after a rejected row: %q", buf.String())
		}
	}
}

func TestBadColumns(t *testing.T) {
	for _, cols := range [][]string{nil, {"a", "a"}} {
		var buf bytes.Buffer
		w := NewWriter(&buf, FormatJSON, cols)
		if err := w.WriteRow(); err == nil {
			t.Errorf("columns %q: WriteRow accepted", cols)
		}
		if err := w.Close(); err == nil {
			t.Errorf("columns %q: Close accepted", cols)
		}
	}
	if err := NewWriter(&bytes.Buffer{}, "xml", []string{"a"}).Close(); err == nil {
		t.Error("format xml accepted")
	}
}

func TestParseFormat(t *testing.T) {
	for _, s := range []string{"table", "CSV", " json ", "jsonl"} {
		f, err := ParseFormat(s)
		if err != nil || string(f) != strings.ToLower(strings.TrimSpace(s)) {
			t.Errorf("ParseFormat(%q) = %q, %v", s, f, err)
		}
	}
	_, err := ParseFormat("xlsx")
	if err == nil || !strings.Contains(err.Error(), "table, csv, json, jsonl") {
		t.Errorf("ParseFormat(xlsx) error %v does not list the choices", err)
	}
	if got := Formats(); !reflect.DeepEqual(got, []string{"table", "csv", "json", "jsonl"}) {
		t.Errorf("Formats() = %q", got)
	}
}

func TestWriteTables(t *testing.T) {
	a := Table{Title: "总览", Columns: []string{"n"}, Rows: [][]any{{1}}}
	b := Table{Title: "分项", Columns: []string{"k"}, Rows: [][]any{{"v"}}}
	var buf bytes.Buffer
	if err := WriteTables(&buf, FormatTable, []Table{a, b}); err != nil {
		t.Fatal(err)
	}
	want := "总览\n┌───┐\n│ n │\n├───┤\n│ 1 │\n└───┘\n\n分项\n┌───┐\n│ k │\n├───┤\n│ v │\n└───┘\n"
	if boxDrawingWide() {
		want = strings.NewReplacer("┌", "+", "┐", "+", "├", "+", "┤", "+", "└", "+", "┘", "+", "─", "-", "│", "|").Replace(want)
	}
	if buf.String() != want {
		t.Errorf("two tables:\n%s\nwant:\n%s", buf.String(), want)
	}
	if err := WriteTables(&buf, FormatCSV, []Table{a, b}); err == nil {
		t.Error("two tables in one CSV accepted")
	}
	buf.Reset()
	if err := WriteTables(&buf, FormatCSV, []Table{a}); err != nil || buf.String() != "n\n1\n" {
		t.Errorf("one table as CSV: %q, %v", buf.String(), err)
	}
}

// TestFloats checks the exact form against values worked out by hand from the
// ECMAScript rule (plain decimal for 1e-6 <= |v| < 1e21) and the table form against
// "%.4f" / "%.3e".
func TestFloats(t *testing.T) {
	for _, tc := range []struct {
		v           any
		exact, json string
		table       string
	}{
		{0.1, "0.1", "0.1", "0.1000"},
		{float32(0.1), "0.1", "0.1", "0.1000"},
		{-0.0, "0", "0", "0.0000"},
		{math.Copysign(0, -1), "-0", "-0", "-0.0000"},
		{1e-6, "0.000001", "0.000001", "1.000e-06"},
		{1.5e-7, "1.5e-7", "1.5e-7", "1.500e-07"},
		{1e20, "100000000000000000000", "100000000000000000000", "1.000e+20"},
		{1e21, "1e+21", "1e+21", "1.000e+21"},
		{123456.789, "123456.789", "123456.789", "123456.7890"},
		{2.0, "2", "2", "2.0000"},
		{5e-324, "5e-324", "5e-324", "4.941e-324"},
		{math.NaN(), "NaN", "null", "NaN"},
		{math.Inf(1), "Inf", "null", "Inf"},
		{math.Inf(-1), "-Inf", "null", "-Inf"},
	} {
		if got, _ := cellText(tc.v, false); got != tc.exact {
			t.Errorf("csv %v = %q, want %q", tc.v, got, tc.exact)
		}
		if got, _ := appendJSONValue(nil, tc.v); string(got) != tc.json {
			t.Errorf("json %v = %q, want %q", tc.v, got, tc.json)
		}
		if got, _ := cellText(tc.v, true); got != tc.table {
			t.Errorf("table %v = %q, want %q", tc.v, got, tc.table)
		}
	}
}

// TestFloatsMatchEncodingJSON checks the exact form against an independent
// implementation of the same rule: encoding/json.
func TestFloatsMatchEncodingJSON(t *testing.T) {
	x := uint64(0x9E3779B97F4A7C15) // xorshift64 state: a fixed, varied set of bit patterns
	for i := 0; i < 20000; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		f := math.Float64frombits(x)
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		if i%2 == 0 { // also cover ordinary magnitudes, which random bits rarely hit
			f = math.Ldexp(f/math.Pow(2, float64(math.Ilogb(f))), int(x%140)-70)
		}
		want, _ := json.Marshal(f)
		if got, _ := appendJSONValue(nil, f); string(got) != string(want) {
			t.Fatalf("%b: got %s, encoding/json %s", f, got, want)
		}
		f32 := float32(f)
		if math.IsInf(float64(f32), 0) {
			continue
		}
		want, _ = json.Marshal(f32)
		if got, _ := appendJSONValue(nil, f32); string(got) != string(want) {
			t.Fatalf("float32 %b: got %s, encoding/json %s", f32, got, want)
		}
	}
}

// TestJSONStringsMatchEncodingJSON checks string escaping against encoding/json with HTML
// escaping off, on strings chosen to hit every escape.
func TestJSONStringsMatchEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", "人民日报", `quote " and \ backslash`, "tab\there\r\nCRLF",
		"\x00\x01\x1f\x7f", "\b\f", "<a href='x'>&</a>", "line\u2028sep\u2029para",
		"bad \xff utf8 \xe4\xb8", "emoji 😀 and 𠀀",
	} {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(s); err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
			t.Errorf("%q: got %s, encoding/json %s", s, got, want.String())
		}
	}
}

// TestStreams checks that CSV and JSON rows reach the underlying writer before Close,
// so memory stays bounded: after 10,000 rows of 100+ bytes (over 1 MB), at most one
// buffer (64 KiB for JSON, 4 KiB for encoding/csv) may be held back.
func TestStreams(t *testing.T) {
	long := strings.Repeat("报", 40) // 120 bytes
	for _, f := range []Format{FormatCSV, FormatJSON, FormatJSONL} {
		var buf bytes.Buffer
		w := NewWriter(&buf, f, []string{"i", "text"})
		total := 0
		for i := 0; i < 10000; i++ {
			if err := w.WriteRow(i, long); err != nil {
				t.Fatal(err)
			}
			total += len(long)
		}
		if held := total - buf.Len(); held > jsonBufferSize {
			t.Errorf("%s: %d bytes still held before Close", f, held)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestWriteRowAllocations(t *testing.T) {
	w := NewWriter(discard{}, FormatJSONL, []string{"词", "n", "f"})
	allocs := testing.AllocsPerRun(1000, func() {
		if err := w.WriteRow("人民", 12345, 0.125); err != nil {
			t.Fatal(err)
		}
	})
	// The three values are boxed into the ...any slice by the caller (12345 and 0.125
	// need a heap box each); the writer itself must allocate nothing.
	if allocs > 3 {
		t.Errorf("WriteRow allocates %.1f times a row, want at most 3", allocs)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

func TestWrapCell(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"一二三四五六", 6, "一二三\n四五六"},                 // 2 columns a character
		{"一二，三四", 4, "一\n二，\n三四"},                 // 行首禁则: "，" pulls 二 down with it
		{"aaa bbb ccc", 7, "aaa bbb\nccc"},        // break at the space
		{"aaaaaaaaaa", 4, "aaaa\naaaa\naa"},       // a word too long breaks anywhere
		{"a\r\nb\tc", 10, "a\nb c"},               // CRLF and tabs normalised
		{"ab abcdefghij", 6, "ab abc\ndefghi\nj"}, // the tail "abc" is wider than 6/3: break inside
	} {
		if got := wrapCell(tc.in, tc.max); got != tc.want {
			t.Errorf("wrapCell(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

func BenchmarkWriteRowJSONL(b *testing.B) {
	w := NewWriter(discard{}, FormatJSONL, []string{"词", "n", "f", "tags"})
	tags := []string{"n", "名词"}
	for b.Loop() {
		w.WriteRow("解放军报", 12345, 0.125, tags)
	}
}

func BenchmarkWriteRowCSV(b *testing.B) {
	w := NewWriter(discard{}, FormatCSV, []string{"词", "n", "f", "tags"})
	tags := []string{"n", "名词"}
	for b.Loop() {
		w.WriteRow("解放军报", 12345, 0.125, tags)
	}
}

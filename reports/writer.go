package reports

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// utf8BOM is the byte order mark that Excel on Windows needs to read a CSV file as UTF-8.
const utf8BOM = "\uFEFF"

// options holds what the Options set.
type options struct {
	bom   bool
	title string
	width int
}

// Option changes how a Writer writes.
type Option func(*options)

// WithBOM starts CSV output with a UTF-8 byte order mark, without which Excel on Windows
// shows Chinese text as mojibake. Other formats ignore it: JSON must not start with a BOM.
func WithBOM() Option { return func(o *options) { o.bom = true } }

// WithTitle prints title on a line of its own above a terminal table. Other formats
// ignore it.
func WithTitle(title string) Option { return func(o *options) { o.title = title } }

// rowEncoder is one output format. A Writer calls begin once before the first row,
// then row for each row (with as many cells as there are columns), then end once.
// row must check and convert every cell before writing any, so a rejected row leaves
// the output intact.
type rowEncoder interface {
	begin() error
	row(cells []any) error
	end() error
}

// A Writer writes rows of cells under named columns in one [Format]. It is not safe for
// concurrent use. Call [Writer.Close] when done: nothing is guaranteed to reach the
// underlying writer before, and JSON is not complete without it.
type Writer struct {
	columns []string
	enc     rowEncoder
	begun   bool
	closed  bool
	err     error // sticky: the first write error, or a bad configuration
}

// NewWriter returns a Writer that writes f to w under the given column names, which
// must be distinct and at least one. Errors in the arguments are reported by the first
// WriteRow or Close. Closing the Writer does not close w.
func NewWriter(w io.Writer, f Format, columns []string, opts ...Option) *Writer {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	columns = append([]string(nil), columns...) // the caller may reuse its slice
	wr := &Writer{columns: columns, err: checkColumns(columns)}
	switch f {
	case FormatTable:
		wr.enc = newTableEncoder(w, columns, o.title, o.width)
	case FormatCSV:
		wr.enc = newCSVEncoder(w, columns, o.bom)
	case FormatJSON:
		wr.enc = newJSONEncoder(w, columns, false)
	case FormatJSONL:
		wr.enc = newJSONEncoder(w, columns, true)
	default:
		_, err := ParseFormat(string(f))
		wr.err = errors.Join(wr.err, err)
	}
	if wr.err != nil {
		wr.err = fmt.Errorf("reports: %w", wr.err)
	}
	return wr
}

// checkColumns rejects an empty or repeated column list: JSON objects need distinct keys.
func checkColumns(columns []string) error {
	if len(columns) == 0 {
		return errors.New("no columns")
	}
	seen := make(map[string]bool, len(columns))
	for _, c := range columns {
		if seen[c] {
			return fmt.Errorf("column %q appears twice", c)
		}
		seen[c] = true
	}
	return nil
}

// Columns returns the column names.
func (w *Writer) Columns() []string { return append([]string(nil), w.columns...) }

// WriteRow writes one row, one value a column in column order. A value may be:
//
//   - nil: an empty cell in CSV and table, null in JSON;
//   - string, or a [fmt.Stringer] (written as its String());
//   - bool: true or false;
//   - any integer type: decimal digits, a number in JSON;
//   - float64 or float32: in CSV and JSON the shortest decimal that reads back as the
//     same float, without exponent when 1e-6 <= |v| < 1e21 (the rule of JavaScript and
//     encoding/json: 0.1, 1234.5, 1e-7, 1e+21); in the table four decimals, or "%.3e"
//     outside 1e-4 <= |v| < 1e15. NaN, Inf and -Inf are null in JSON and written as
//     NaN, Inf and -Inf elsewhere;
//   - []string: its items joined by "/" in CSV and table, an array of strings in JSON.
//
// A row of the wrong length or with a value of another type is rejected with an error
// and nothing of it is written; the Writer stays usable. A failed write to the
// underlying writer is returned by this and every later call.
func (w *Writer) WriteRow(values ...any) error {
	if w.err != nil {
		return w.err
	}
	if w.closed {
		return errors.New("reports: WriteRow after Close")
	}
	if len(values) != len(w.columns) {
		return fmt.Errorf("reports: row has %d values for %d columns", len(values), len(w.columns))
	}
	if !w.begun {
		w.begun = true
		if err := w.enc.begin(); err != nil {
			w.err = err
			return err
		}
	}
	if err := w.enc.row(values); err != nil {
		var ce *cellError
		if errors.As(err, &ce) {
			return fmt.Errorf("reports: column %q: %w", w.columns[ce.column], ce.err)
		}
		w.err = err
		return err
	}
	return nil
}

// Close writes what the format needs after the last row (for JSON the closing bracket;
// for the table, the whole table) and flushes. A Writer with no rows still writes its
// header, an empty JSON array, or an empty table. Close returns the first error met; a
// second Close does nothing.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if !w.begun {
		w.begun = true
		if w.err = w.enc.begin(); w.err != nil {
			return w.err
		}
	}
	w.err = w.enc.end()
	return w.err
}

// cellError is a rejected cell value; the Writer adds the column name.
type cellError struct {
	column int
	err    error
}

func (e *cellError) Error() string { return e.err.Error() }

// csvEncoder writes CSV through encoding/csv, which buffers a few KiB and quotes fields
// as RFC 4180 says.
type csvEncoder struct {
	dst     io.Writer
	csv     *csv.Writer
	columns []string
	bom     bool
	record  []string // reused for every row
}

func newCSVEncoder(w io.Writer, columns []string, bom bool) *csvEncoder {
	return &csvEncoder{dst: w, csv: csv.NewWriter(w), columns: columns, bom: bom, record: make([]string, len(columns))}
}

func (e *csvEncoder) begin() error {
	if e.bom {
		if _, err := io.WriteString(e.dst, utf8BOM); err != nil {
			return err
		}
	}
	return e.csv.Write(e.columns)
}

func (e *csvEncoder) row(cells []any) error {
	for i, v := range cells {
		s, err := cellText(v, false)
		if err != nil {
			return &cellError{column: i, err: err}
		}
		e.record[i] = s
	}
	err := e.csv.Write(e.record)
	clear(e.record) // let the strings go
	return err
}

func (e *csvEncoder) end() error {
	e.csv.Flush()
	return e.csv.Error()
}

// jsonBufferSize is the buffer between the JSON encoder and the underlying writer.
const jsonBufferSize = 64 << 10

// jsonEncoder writes each row as one JSON object with the columns as keys, in column
// order: either as elements of one array (lines false) or as JSON Lines.
type jsonEncoder struct {
	out   *bufio.Writer
	keys  [][]byte // `"column":`, encoded once
	lines bool
	rows  int
	buf   []byte // one row, reused
}

func newJSONEncoder(w io.Writer, columns []string, lines bool) *jsonEncoder {
	keys := make([][]byte, len(columns))
	for i, c := range columns {
		keys[i] = append(appendJSONString(nil, c), ':')
	}
	return &jsonEncoder{out: bufio.NewWriterSize(w, jsonBufferSize), keys: keys, lines: lines}
}

func (e *jsonEncoder) begin() error {
	if e.lines {
		return nil
	}
	return e.out.WriteByte('[')
}

func (e *jsonEncoder) row(cells []any) error {
	b := e.buf[:0]
	if !e.lines {
		if e.rows > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
	}
	b = append(b, '{')
	for i, v := range cells {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, e.keys[i]...)
		var err error
		if b, err = appendJSONValue(b, v); err != nil {
			e.buf = b
			return &cellError{column: i, err: err}
		}
	}
	b = append(b, '}')
	if e.lines {
		b = append(b, '\n')
	}
	e.buf = b
	e.rows++
	_, err := e.out.Write(b)
	return err
}

func (e *jsonEncoder) end() error {
	if !e.lines {
		if e.rows > 0 {
			e.out.WriteByte('\n')
		}
		e.out.WriteString("]\n")
	}
	return e.out.Flush()
}

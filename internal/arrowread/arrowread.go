// Package arrowread reads a Parquet file with Apache Arrow's Go implementation
// (arrow-go's parquet/pqarrow), which shares no code with parquet-go, the writer of
// reports/parquetfile: tests read our files back through it as an outside client would.
// It is for tests only.
package arrowread

import (
	"context"
	"fmt"
	"os"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// Table is a Parquet file read whole: the columns in file order, with their Arrow types
// and their values as Go values.
type Table struct {
	Names     []string
	Types     []string            // Arrow's type names: int64, date32, list<element: utf8, nullable>, …
	Columns   map[string][]any    // cells by column name
	RowGroups int                 // row groups in the file
	Metadata  map[string]string   // key-value metadata of the file
	Encodings map[string][]string // the encodings of each column's first row group
}

// Rows returns the number of rows.
func (t *Table) Rows() int {
	if len(t.Names) == 0 {
		return 0
	}
	return len(t.Columns[t.Names[0]])
}

// Read reads the Parquet file at path. Cells are int64, int32, string, a date as
// "YYYY-MM-DD", []string for a list of strings, or nil for a null.
func Read(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tbl, err := pqarrow.ReadTable(context.Background(), f, parquet.NewReaderProperties(memory.DefaultAllocator),
		pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		return nil, err
	}
	defer tbl.Release()
	t := &Table{Columns: map[string][]any{}, Encodings: map[string][]string{}, Metadata: map[string]string{}}
	for i, field := range tbl.Schema().Fields() {
		t.Names = append(t.Names, field.Name)
		t.Types = append(t.Types, field.Type.String())
		var cells []any
		for _, chunk := range tbl.Column(i).Data().Chunks() {
			for row := 0; row < chunk.Len(); row++ {
				cell, err := value(chunk, row)
				if err != nil {
					return nil, fmt.Errorf("%s: column %s: %w", path, field.Name, err)
				}
				cells = append(cells, cell)
			}
		}
		t.Columns[field.Name] = cells
	}

	r, err := file.OpenParquetFile(path, false)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	t.RowGroups = r.NumRowGroups()
	md := r.MetaData()
	for _, kv := range md.KeyValueMetadata().Keys() {
		t.Metadata[kv] = *md.KeyValueMetadata().FindValue(kv)
	}
	if t.RowGroups > 0 {
		rg := md.RowGroup(0)
		for c := 0; c < rg.NumColumns(); c++ {
			col, err := rg.ColumnChunk(c)
			if err != nil {
				return nil, err
			}
			var encs []string
			for _, e := range col.Encodings() {
				encs = append(encs, e.String())
			}
			t.Encodings[col.PathInSchema().String()] = encs
		}
	}
	return t, nil
}

func value(a arrow.Array, i int) (any, error) {
	if a.IsNull(i) {
		return nil, nil
	}
	switch a := a.(type) {
	case *array.Int64:
		return a.Value(i), nil
	case *array.Int32:
		return a.Value(i), nil
	case *array.String:
		return a.Value(i), nil
	case *array.Date32:
		return a.Value(i).ToTime().Format("2006-01-02"), nil
	case *array.List:
		start, end := a.ValueOffsets(i)
		items := []string{}
		for j := start; j < end; j++ {
			v, err := value(a.ListValues(), int(j))
			if err != nil {
				return nil, err
			}
			s, ok := v.(string)
			if !ok {
				return nil, fmt.Errorf("list of %T", v)
			}
			items = append(items, s)
		}
		return items, nil
	}
	return nil, fmt.Errorf("unexpected type %s", a.DataType())
}

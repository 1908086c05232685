// Package dictionary reads concept dictionaries — categories of entries, each entry a query
// of baokan's query language (package query) — from YAML in quanteda's layout or from CSV,
// and counts, article by article, the matches of each category (quanteda's dfm_lookup).
//
// # Files
//
// YAML, as quanteda's dictionary() reads and writes it: a mapping of category names to
// lists of entries; a category may instead hold a mapping of sub-categories, to any depth,
// whose names are joined to their parents' with a dot, as quanteda flattens them
// (economy.fiscal). A category may hold one entry as a plain string.
//
//	economy:
//	  - 经济
//	  - text:"国民经济"
//	policy:
//	  fiscal: [财政, 税收]
//	  monetary:
//	    - 货币
//	    - 银行
//
// CSV: one row a category and entry (category,entry), an optional header row
// category,entry, lines starting with # ignored. Categories come in the order of their
// first row.
//
// An entry is a query (see package query): a word as cut (经济), a sequence of words
// ("美国 帝国主义", quoted: unquoted words side by side are an AND), a pattern over one
// word (/^经济/), raw text whatever the segmentation (text:"不确定"), or any combination.
// Unlike quanteda, a * is not a glob: write /^econom/ for econom*. Aliases and spellings of
// one concept go in one category. A file that does not parse — YAML or CSV syntax, an empty
// category or entry, a category named twice, an entry that is not a valid query — is an
// error naming the file and line (and, for a query, the character where parsing failed).
package dictionary

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/baokan/baokan/analysis/query"
)

// Entry is one entry of a category: the query as written, parsed, and its line in the file.
type Entry struct {
	Source string
	Query  *query.Query
	Line   int
}

// Category is a named list of entries.
type Category struct {
	Name    string
	Line    int
	Entries []Entry
}

// Dictionary is a file's categories, in the file's order.
type Dictionary struct {
	File       string
	Categories []Category
}

// Names returns the categories' names, in order.
func (d *Dictionary) Names() []string {
	names := make([]string, len(d.Categories))
	for i, c := range d.Categories {
		names[i] = c.Name
	}
	return names
}

// Entries returns the number of entries of all categories.
func (d *Dictionary) Entries() int {
	n := 0
	for _, c := range d.Categories {
		n += len(c.Entries)
	}
	return n
}

// Error is a dictionary file that does not parse: the file, the line (1-based; 0 when
// unknown) and what is wrong.
type Error struct {
	File string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Read reads a dictionary file: YAML for .yml and .yaml, CSV for .csv.
func Read(path string) (*Dictionary, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yml", ".yaml":
		return ParseYAML(path, data)
	case ".csv":
		return ParseCSV(path, strings.NewReader(string(data)))
	}
	return nil, &Error{File: path, Err: errors.New("a dictionary is a .yml, .yaml or .csv file")}
}

// builder collects categories in order and checks names and entries.
type builder struct {
	d     *Dictionary
	index map[string]int
}

func newBuilder(file string) *builder {
	return &builder{d: &Dictionary{File: file}, index: map[string]int{}}
}

func (b *builder) errorf(line int, format string, args ...any) error {
	return &Error{File: b.d.File, Line: line, Err: fmt.Errorf(format, args...)}
}

// category returns the category named name, made at line if new (merge: CSV rows add to
// it; a YAML category named twice is an error).
func (b *builder) category(name string, line int, merge bool) (*Category, error) {
	if name == "" {
		return nil, b.errorf(line, "empty category name")
	}
	if i, ok := b.index[name]; ok {
		if !merge {
			return nil, b.errorf(line, "category %q named twice (first at line %d)", name, b.d.Categories[i].Line)
		}
		return &b.d.Categories[i], nil
	}
	b.index[name] = len(b.d.Categories)
	b.d.Categories = append(b.d.Categories, Category{Name: name, Line: line})
	return &b.d.Categories[len(b.d.Categories)-1], nil
}

func (b *builder) entry(c *Category, src string, line int) error {
	src = strings.TrimSpace(src)
	if src == "" {
		return b.errorf(line, "category %q: empty entry", c.Name)
	}
	q, err := query.Compile(src)
	if err != nil {
		return b.errorf(line, "category %q: entry %s: %w", c.Name, strconv.Quote(src), err)
	}
	c.Entries = append(c.Entries, Entry{Source: src, Query: q, Line: line})
	return nil
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// ParseYAML reads a dictionary in quanteda's YAML layout; file names it in errors.
func ParseYAML(file string, data []byte) (*Dictionary, error) {
	b := newBuilder(file)
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := err.Error()
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, b.errorf(line, "%s", m[2])
		}
		return nil, &Error{File: file, Err: err}
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return nil, b.errorf(0, "no category")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, b.errorf(root.Line, "want a mapping of category names to lists of entries")
	}
	if err := b.yamlMapping(root, ""); err != nil {
		return nil, err
	}
	if len(b.d.Categories) == 0 {
		return nil, b.errorf(0, "no category")
	}
	return b.d, nil
}

func (b *builder) yamlMapping(m *yaml.Node, prefix string) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return b.errorf(k.Line, "a category name must be a plain string")
		}
		name := prefix + strings.TrimSpace(k.Value)
		if strings.TrimSpace(k.Value) == "" {
			return b.errorf(k.Line, "empty category name")
		}
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		switch v.Kind {
		case yaml.MappingNode:
			if err := b.yamlMapping(v, name+"."); err != nil {
				return err
			}
		case yaml.SequenceNode:
			c, err := b.category(name, k.Line, false)
			if err != nil {
				return err
			}
			for _, e := range v.Content {
				if e.Kind != yaml.ScalarNode {
					return b.errorf(e.Line, "category %q: an entry must be a string", name)
				}
				if err := b.entry(c, e.Value, e.Line); err != nil {
					return err
				}
			}
			if len(c.Entries) == 0 {
				return b.errorf(k.Line, "category %q has no entry", name)
			}
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				return b.errorf(k.Line, "category %q has no entry", name)
			}
			c, err := b.category(name, k.Line, false)
			if err != nil {
				return err
			}
			if err := b.entry(c, v.Value, v.Line); err != nil {
				return err
			}
		default:
			return b.errorf(v.Line, "category %q: want a list of entries or sub-categories", name)
		}
	}
	return nil
}

// ParseCSV reads a dictionary of category,entry rows; file names it in errors.
func ParseCSV(file string, r io.Reader) (*Dictionary, error) {
	b := newBuilder(file)
	cr := csv.NewReader(r)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	cr.LazyQuotes = true // text:"…" unquoted: a quote inside a field is a quote
	first := true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, b.errorf(pe.Line, "%v", pe.Err)
			}
			return nil, &Error{File: file, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if first {
			first = false
			if len(rec) == 2 && strings.EqualFold(strings.TrimSpace(strings.TrimPrefix(rec[0], "\ufeff")), "category") &&
				strings.EqualFold(strings.TrimSpace(rec[1]), "entry") {
				continue
			}
			rec[0] = strings.TrimPrefix(rec[0], "\ufeff")
		}
		if len(rec) != 2 {
			return nil, b.errorf(line, "want 2 fields (category,entry), got %d", len(rec))
		}
		c, err := b.category(strings.TrimSpace(rec[0]), line, true)
		if err != nil {
			return nil, err
		}
		if err := b.entry(c, rec[1], line); err != nil {
			return nil, err
		}
	}
	if len(b.d.Categories) == 0 {
		return nil, b.errorf(0, "no category")
	}
	return b.d, nil
}

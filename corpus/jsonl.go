package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unicode/utf8"
)

// MaxJSONRecordBytes bounds one JSON article (a file, or a line of JSON Lines). The largest
// real article of either paper is a few tens of kilobytes; a value larger than this is not
// decoded (no string of its size is made) but reported as too_large and skipped.
const MaxJSONRecordBytes = 16 << 20

// parseJSONFile reads a file of the JSON forms: one article a line (JSON Lines; a file of
// one line, as the People's Daily and Wenhui Bao datasets have, is the same thing), or one
// article spread over several lines (pretty-printed: the file's first line is "{" alone).
// Every record is decoded on its own, so that a damaged line costs its article only.
func parseJSONFile(name string, data []byte, skipBody bool) *fileResult {
	res := &fileResult{path: name, bytes: len(data), encoding: EncodingUTF8}
	if bytes.HasPrefix(data, utf8BOM) {
		data, res.encoding = data[len(utf8BOM):], EncodingUTF8BOM
	}
	if first, _, _ := bytes.Cut(bytes.TrimLeft(data, " \t\r\n"), []byte{'\n'}); string(bytes.TrimSpace(first)) == "{" {
		// One article over several lines: its line is that of the "{".
		c := jsonConverter{path: name, res: res, skipBody: skipBody}
		c.record(data, 1+bytes.Count(data[:len(data)-len(bytes.TrimLeft(data, " \t\r\n"))], []byte{'\n'}))
	} else {
		parseJSONLines(name, data, skipBody, res)
	}
	if len(res.articles) == 0 && res.skipped == 0 {
		res.diags = append(res.diags, Diagnostic{Path: name, Kind: KindNoArticle, Message: "a JSON file without any object"})
	}
	sortDiagnostics(res.diags)
	return res
}

// jsonChunk is the size of the pieces a large JSON Lines file is parsed in, on every core.
const jsonChunk = 1 << 20

// parseJSONLines parses one record a line into res. A file larger than a few chunks is cut
// at line ends into pieces of about jsonChunk bytes, parsed on every core and joined in
// order, so that one large export is not read on one core while the others wait.
func parseJSONLines(name string, data []byte, skipBody bool, res *fileResult) {
	type piece struct {
		data []byte
		line int // of the piece's first line
		res  fileResult
	}
	var pieces []*piece
	for pos, line := 0, 1; pos < len(data); {
		end := min(pos+jsonChunk, len(data))
		if i := bytes.IndexByte(data[end:], '\n'); i >= 0 {
			end += i + 1
		} else {
			end = len(data)
		}
		pieces = append(pieces, &piece{data: data[pos:end], line: line})
		line += bytes.Count(data[pos:end], []byte{'\n'})
		pos = end
	}
	parse := func(p *piece) {
		c := jsonConverter{path: name, res: &p.res, skipBody: skipBody}
		c.records(p.data, p.line)
	}
	if len(pieces) <= 2 {
		for _, p := range pieces {
			parse(p)
		}
	} else {
		next := make(chan *piece)
		var wg sync.WaitGroup
		for range min(runtime.GOMAXPROCS(0), len(pieces)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for p := range next {
					parse(p)
				}
			}()
		}
		for _, p := range pieces {
			next <- p
		}
		close(next)
		wg.Wait()
	}
	for _, p := range pieces {
		res.articles = append(res.articles, p.res.articles...)
		res.keys = append(res.keys, p.res.keys...)
		res.diags = append(res.diags, p.res.diags...)
		res.skipped += p.res.skipped
	}
}

// jsonConverter turns JSON records into articles, reporting problems in a file's result.
type jsonConverter struct {
	path     string
	res      *fileResult
	skipBody bool

	line int      // of the record being converted
	cur  *Article // the article being made: diagnostics go to it as well
}

// records decodes every non-blank line of data, one JSON record a line, the first being
// line first of the file.
func (c *jsonConverter) records(data []byte, first int) {
	lineNo := first - 1
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		var line []byte
		if end < 0 {
			line, pos = data[pos:], len(data)
		} else {
			line, pos = data[pos:pos+end], pos+end+1
		}
		lineNo++
		if len(bytes.TrimSpace(line)) > 0 {
			c.record(line, lineNo)
		}
	}
}

// record decodes one JSON record found at line and appends its article, or reports why
// there is none.
func (c *jsonConverter) record(raw []byte, line int) {
	c.line, c.cur = line, nil
	if len(raw) > MaxJSONRecordBytes {
		c.skip(KindTooLarge, fmt.Sprintf("a JSON record of %d bytes, over the limit of %d: not decoded", len(raw), MaxJSONRecordBytes))
		return
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		c.skip(KindJSONUnknown, fmt.Sprintf("not a JSON object: %q", clip(string(raw[:min(len(raw), 60)]), 20)))
		return
	}
	var rec jsonRecord
	err := json.Unmarshal(raw, &rec)
	var typeErr *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &typeErr) {
		c.skip(KindJSONSyntax, jsonErrorMessage(err))
		return
	}
	invalid := 0
	if !utf8.Valid(raw) {
		invalid = countInvalidUTF8(raw)
	}
	a := &Article{Path: c.path, Line: line}
	c.cur = a
	switch rec.form() {
	case jsonPeoplesDaily:
		c.peoplesDaily(&rec, a)
	case jsonWenhuiBao:
		c.wenhuiBao(&rec, a)
	default:
		c.cur = nil
		c.skip(KindJSONUnknown, "a JSON object with the keys of neither the People's Daily form (title, dates, parts, page_start) nor the Wenhui Bao form (date, mtitle, text, page)")
		return
	}
	if typeErr != nil {
		c.diag(KindJSONType, fmt.Sprintf("%q holds a JSON %s where %s is wanted: left empty", typeErr.Field, typeErr.Value, typeErr.Type))
	}
	if invalid > 0 {
		c.diag(KindInvalidEncoding, fmt.Sprintf("%d invalid UTF-8 sequences replaced by U+FFFD", invalid))
	}
	c.res.keys = append(c.res.keys, articleKey(a))
	if c.skipBody {
		a.Body = nil
	}
	c.res.articles = append(c.res.articles, a)
}

// skip reports a record that yields no article.
func (c *jsonConverter) skip(kind Kind, msg string) {
	c.res.diags = append(c.res.diags, Diagnostic{Path: c.path, Line: c.line, Kind: kind, Message: msg})
	c.res.skipped++
}

// diag reports a problem of the current article.
func (c *jsonConverter) diag(kind Kind, msg string) {
	d := Diagnostic{Path: c.path, Line: c.line, Kind: kind, Message: msg}
	c.cur.Diagnostics = append(c.cur.Diagnostics, d)
	c.res.diags = append(c.res.diags, d)
}

// jsonErrorMessage says what is wrong with a record that is not JSON.
func jsonErrorMessage(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("not valid JSON at byte %d of the record: %v; the article is left out", syn.Offset, err)
	}
	if err.Error() == "unexpected end of JSON input" {
		return "the JSON record ends before its object closes (truncated); the article is left out"
	}
	return fmt.Sprintf("not valid JSON: %v; the article is left out", err)
}

func countInvalidUTF8(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

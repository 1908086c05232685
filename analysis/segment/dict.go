package segment

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// DictError reports a malformed line of a user dictionary.
type DictError struct {
	Line int    // 1-based line number
	Text string // the line
	Err  error
}

func (e *DictError) Error() string {
	return fmt.Sprintf("dictionary line %d %q: %v", e.Line, e.Text, e.Err)
}

func (e *DictError) Unwrap() error { return e.Err }

// ErrBadFreq is the DictError cause for a frequency that is not a number ≥ 0.
var ErrBadFreq = errors.New("frequency is not a number ≥ 0")

// ErrTooManyFields is the DictError cause for a line with more than three fields.
var ErrTooManyFields = errors.New("more than 3 fields (want: word [freq] [pos])")

// ParseDict reads a user dictionary: one entry a line, `word [freq] [pos]`, fields separated
// by spaces or tabs (jieba's and gse's format). A missing frequency (or 0) asks New for the
// automatic one (see Options.Words). Blank lines and lines starting with # are skipped. A
// UTF-8 byte order mark is ignored. Lines may be of any length.
func ParseDict(r io.Reader) ([]Word, error) {
	var words []Word
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("dictionary line %d: %w", n, err)
		}
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		text := strings.TrimSpace(line)
		if text != "" && !strings.HasPrefix(text, "#") {
			w, perr := parseDictLine(text)
			if perr != nil {
				return nil, &DictError{Line: n, Text: text, Err: perr}
			}
			words = append(words, w)
		}
		if err == io.EOF {
			return words, nil
		}
	}
}

func parseDictLine(text string) (Word, error) {
	f := strings.Fields(text)
	if len(f) > 3 {
		return Word{}, ErrTooManyFields
	}
	w := Word{Text: f[0]}
	if len(f) >= 2 {
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil || v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			return Word{}, ErrBadFreq
		}
		w.Freq = v
	}
	if len(f) == 3 {
		w.Pos = f[2]
	}
	return w, nil
}

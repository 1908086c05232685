package persons

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"strings"
	"unicode/utf8"
)

// Errors of ParseAliases, wrapped in a *ParseError.
var (
	ErrAliasFields    = errors.New("want alias<TAB>canonical")
	ErrAliasEmpty     = errors.New("empty alias or canonical name")
	ErrAliasConflict  = errors.New("alias already maps to another name")
	ErrAliasSelf      = errors.New("alias maps to itself")
	ErrAliasMalformed = errors.New("alias file is not valid text")
)

// ParseError is an error in an alias file, with its 1-based line.
type ParseError struct {
	Line int
	Text string // the offending line
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("aliases line %d %q: %v", e.Line, e.Text, e.Err)
}

// Unwrap returns the underlying error (one of the ErrAlias… values or a read error).
func (e *ParseError) Unwrap() error { return e.Err }

// ParseAliases reads an alias table: one "alias<TAB>canonical" a line, UTF-8 (a BOM is
// allowed), LF or CRLF; blank lines and lines starting with # are skipped. An alias given
// twice must map to the same name. The result goes to Options.Aliases, where it overrides
// the built-in aliases (BuiltinAliases).
func ParseAliases(rd io.Reader) (map[string]string, error) {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	out := make(map[string]string)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			return nil, &ParseError{Line: line, Text: text, Err: ErrAliasMalformed}
		}
		alias, canon, found := strings.Cut(text, "\t")
		if !found || strings.Contains(canon, "\t") {
			return nil, &ParseError{Line: line, Text: text, Err: ErrAliasFields}
		}
		alias, canon = strings.TrimSpace(alias), strings.TrimSpace(canon)
		switch {
		case alias == "" || canon == "":
			return nil, &ParseError{Line: line, Text: text, Err: ErrAliasEmpty}
		case alias == canon:
			return nil, &ParseError{Line: line, Text: text, Err: ErrAliasSelf}
		}
		if old, ok := out[alias]; ok && old != canon {
			return nil, &ParseError{Line: line, Text: text, Err: fmt.Errorf("%w (%s)", ErrAliasConflict, old)}
		}
		out[alias] = canon
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{Line: line + 1, Err: err}
	}
	return out, nil
}

// BuiltinAliases returns a copy of the built-in alias table (alias → canonical).
func BuiltinAliases() map[string]string { return maps.Clone(builtinAliases) }

// BuiltinCorrections returns a copy of the built-in spelling corrections (broken → right),
// keyed by the normalised entry (spaces removed: "朱 基" is under "朱基").
func BuiltinCorrections() map[string]string { return maps.Clone(builtinCorrections) }

package reports

import (
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// noLineStart holds the punctuation that Chinese typesetting keeps off the start of a
// line (行首禁则): a break before one of them moves the previous character down too.
const noLineStart = "，。、；：？！）」』”’》〉】…,.;:?!)]}"

// wrapCell returns s with line breaks added so that no line is wider than max terminal
// columns (as tablewriter measures them). Latin text breaks at the last space when the
// word that would move down is at most max/3 wide; Chinese text, and longer words, break
// between any two characters. "\r\n" and "\r" become "\n" and tabs become spaces, so
// the terminal does not jump.
func wrapCell(s string, max int) string {
	if len(s) <= max && !strings.ContainsAny(s, "\r\t") {
		return s // a UTF-8 string is never wider than its length in bytes
	}
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", " ").Replace(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/max + 1)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		wrapLine(&b, line, max)
	}
	return b.String()
}

// wrapLine writes line to b, broken as wrapCell says.
func wrapLine(b *strings.Builder, line string, max int) {
	start := 0           // byte offset where the current output line starts
	width := 0           // width of line[start:i]
	space := -1          // offset of the last space in line[start:i], or -1
	tail := 0            // width after that space
	prev, prevW := -1, 0 // offset and width of the rune before i
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		w := twwidth.Width(line[i : i+size])
		if width+w > max && i > start {
			switch {
			case r == ' ':
				b.WriteString(line[start:i])
				b.WriteByte('\n')
				i += size // the space itself is the break
				start, width, space, tail, prev = i, 0, -1, 0, -1
				continue
			case space > start && tail <= max/3:
				b.WriteString(line[start:space])
				b.WriteByte('\n')
				start, width, space = space+1, tail, -1
				continue // measure r again on the new line
			case strings.ContainsRune(noLineStart, r) && prev > start:
				b.WriteString(line[start:prev])
				b.WriteByte('\n')
				start, width, space, tail = prev, prevW, -1, prevW
			default:
				b.WriteString(line[start:i])
				b.WriteByte('\n')
				start, width, space, tail = i, 0, -1, 0
			}
		}
		if r == ' ' {
			space, tail = i, 0
		} else {
			tail += w
		}
		width += w
		prev, prevW = i, w
		i += size
	}
	b.WriteString(line[start:])
}

package corpus

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The tag codes of the header fields, in the order the archive prints them.
const (
	codeSerial   = "ZQ"
	codeDate     = "RQ"
	codePage     = "BH"
	codeItem     = "TH"
	codeKicker   = "YT"
	codeTitle    = "BT"
	codeSubtitle = "FT"
	codeAuthor   = "ZZ"
	codeClass    = "FL"
	codeColumn   = "LM"
	codePageName = "BM"
	codeKeywords = "GJ"
	codeGenre    = "TC"
	codeBody     = "ZW"
)

// codeSet is a set of tag codes: one bit for each two-letter code AA–ZZ, and one shared by
// every other code (enough to say that something was set).
type codeSet struct{ bits [11]uint64 } // 11 × 64 ≥ 26 × 26 + 1

func codeIndex(code string) uint {
	if len(code) != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z' {
		return 26 * 26
	}
	return uint(code[0]-'A')*26 + uint(code[1]-'A')
}

func (s *codeSet) add(code string) { i := codeIndex(code); s.bits[i/64] |= 1 << (i % 64) }
func (s *codeSet) has(code string) bool {
	i := codeIndex(code)
	return s.bits[i/64]&(1<<(i%64)) != 0
}
func (s *codeSet) empty() bool { return s.bits == [11]uint64{} }

func isHeaderCode(code string) bool {
	switch code {
	case codeSerial, codeDate, codePage, codeItem, codeKicker, codeTitle, codeSubtitle,
		codeAuthor, codeClass, codeColumn, codePageName, codeKeywords, codeGenre:
		return true
	}
	return false
}

const (
	tagOpen  = "〖"
	tagClose = "〗"
	lineTag  = "〖HH/换行〗"
	rwMarker = "RW："
)

// ParseBytes parses every article in one file's bytes, in the form its content shows: the
// tagged export (decoded as Decode says) or the JSON forms (see the package doc). name is
// the path the articles and diagnostics will carry. The diagnostics include those attached
// to the returned articles and those of the file as a whole (empty file, no article,
// a truncated article that was skipped).
func ParseBytes(name string, data []byte) ([]*Article, []Diagnostic) {
	res := parseContent(name, data, false, "")
	return res.articles, res.diags
}

// fileResult is what parsing one file gives.
type fileResult struct {
	path     string
	bytes    int
	encoding Encoding
	articles []*Article
	diags    []Diagnostic // every diagnostic of the file, in line order
	skipped  int          // articles left out (truncated)
	err      error        // the file could not be read at all

	id        fileID           // the file's identity, to read it once (zero: unknown)
	more      chan *fileResult // a streamed file's further parts (closed after the last); nil otherwise
	notRead   Kind             // a file not read (duplicate, not .txt...): why; no FileInfo
	continued bool             // a streamed file's part after the first
	keys      []dupKey         // JSON forms: each article's duplicate key (dedupe.go); nil for the tagged export
}

func parseFile(name string, data []byte, skipBody bool) *fileResult {
	res := &fileResult{path: name, bytes: len(data)}
	if len(data) == 0 {
		res.diags = append(res.diags, Diagnostic{Path: name, Kind: KindEmptyFile, Message: "the file is empty"})
		return res
	}
	if skipBody {
		data = blankBodies(data)
	}
	text, enc, invalid := Decode(data)
	res.encoding = enc
	p := parser{path: name, res: res, invalid: invalid}
	p.run(text)
	if skipBody {
		for _, a := range res.articles {
			a.Body = nil
		}
	}
	return res
}

// blankBodies returns a copy of data in which every body line but the last of each body is
// emptied, its line end kept so that line numbers stay right: what Options.SkipBody parses.
// It works on the raw bytes, before decoding, which is where the time goes. A line starts
// after "\n" in every encoding the archive uses (no byte of a GBK or GB18030 character
// after its first is below 0x30), and 〖 is A1 BC in GBK and E3 80 96 in UTF-8. The last
// line of a body is kept because it may end with the RW list.
func blankBodies(data []byte) []byte {
	out := make([]byte, 0, len(data)/4)
	inBody := false
	pending, pendingEnd := -1, -1 // data[pending:pendingEnd]: the last body line and blank lines after it
	flush := func() {
		if pending >= 0 {
			out = append(out, data[pending:pendingEnd]...)
			pending = -1
		}
	}
	for pos := 0; pos < len(data); {
		next := len(data)
		if end := bytes.IndexByte(data[pos:], '\n'); end >= 0 {
			next = pos + end + 1
		}
		line := data[pos:next]
		isTag, closing, body := rawTag(line)
		switch {
		case inBody && !isTag:
			if len(bytes.TrimSpace(line)) == 0 {
				if pending >= 0 {
					pendingEnd = next
				} else {
					out = append(out, line...)
				}
				break
			}
			if pending >= 0 { // not the last body line: keep only its line ends
				for range bytes.Count(data[pending:pendingEnd], []byte{'\n'}) {
					out = append(out, '\n')
				}
			}
			pending, pendingEnd = pos, next
		default:
			flush()
			if isTag && body {
				inBody = !closing && !bytes.Contains(line, []byte("-ZW/")) // not closed on its own line
			} else if isTag {
				inBody = false
			}
			out = append(out, line...)
		}
		pos = next
	}
	flush()
	return out
}

var (
	rawOpenGBK  = []byte{0xA1, 0xBC}
	rawOpenUTF8 = []byte("〖")
	rawBOM      = []byte{0xEF, 0xBB, 0xBF}
)

// rawTag tells whether a raw line starts (after spaces and a BOM) with 〖, whether that tag
// is a closing one (〖-…), and whether it is the body's (ZW).
func rawTag(line []byte) (isTag, closing, body bool) {
	line = bytes.TrimLeft(bytes.TrimPrefix(line, rawBOM), " \t")
	switch {
	case bytes.HasPrefix(line, rawOpenUTF8):
		line = line[len(rawOpenUTF8):]
	case bytes.HasPrefix(line, rawOpenGBK):
		line = line[len(rawOpenGBK):]
	default:
		return false, false, false
	}
	if closing = len(line) > 0 && line[0] == '-'; closing {
		line = line[1:]
	}
	body = len(line) >= 3 && (line[0] == 'Z' || line[0] == 'z') && (line[1] == 'W' || line[1] == 'w') && line[2] == '/'
	return true, closing, body
}

type bodyState int

const (
	stateHeader bodyState = iota // reading header fields
	stateBody                    // inside 〖ZW/正文〗
	stateAfter                   // the body was closed
)

type parser struct {
	path    string
	res     *fileResult
	invalid int // invalid byte sequences in the whole file

	cur       *Article
	state     bodyState
	seen      codeSet                      // header codes set in the current article
	spill     []string                     // body text found in ZZ, appended to the body at the end
	joins     map[*string]*strings.Builder // fields of the current article joined from several lines
	bodyStart int                          // line of 〖ZW/正文〗

	strayBefore     int // non-tag lines before the first article
	strayBeforeLine int
	invalidSeen     bool

	articles, skipped int    // in the whole file (a streamed file's parts hold some each)
	curLen            int    // bytes of the current article's lines
	overflow          bool   // the current article is too large: left out (too_large)
	lastTag           string // code of the last header tag line, for duplicate_tag
	streaming         bool
	stream            func(*fileResult) // hands a part of a streamed file over
}

func (p *parser) run(text string) {
	if !strings.Contains(text, "\n") && strings.Contains(text, "\r") {
		// Old Mac line ends (CR alone): make them LF.
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	lineNo := 0
	lastComplete := true
	for pos := 0; pos < len(text); {
		end := strings.IndexByte(text[pos:], '\n')
		var line string
		if end < 0 {
			line, pos = text[pos:], len(text)
		} else {
			line, pos = text[pos:pos+end], pos+end+1
		}
		lineNo++
		n := len(line) + 1
		line = strings.TrimSuffix(line, "\r")
		lastComplete = p.lineCapped(line, lineNo, n)
	}
	p.end(lineNo, lastComplete, !strings.HasSuffix(text, "\n"))
}

// end closes the file after its last line: a truncated last article, the file's own
// diagnostics.
func (p *parser) end(lineNo int, lastComplete, endsMidLine bool) {
	if p.cur != nil && p.overflow {
		p.finish() // left out already
	}
	if p.cur != nil && endsMidLine && (p.state == stateBody || !lastComplete) {
		where := "inside the body"
		if p.state != stateBody {
			where = "inside a header field"
		}
		p.res.diags = append(p.res.diags, Diagnostic{Path: p.path, Line: lineNo, Kind: KindTruncated,
			Message: fmt.Sprintf("the file ends in the middle of line %d %s; the article at line %d is left out", lineNo, where, p.cur.Line)})
		p.res.skipped++
		p.skipped++
		p.cur = nil
	}
	p.finish()
	if p.articles == 0 && p.skipped == 0 {
		msg := fmt.Sprintf("no tagged field (〖XX/名〗) in %d lines", lineNo)
		if p.invalid > 0 {
			msg += fmt.Sprintf("; %d invalid byte sequences: not a text file?", p.invalid)
		}
		p.res.diags = append(p.res.diags, Diagnostic{Path: p.path, Kind: KindNoArticle, Message: msg})
		return
	}
	if p.strayBefore > 0 {
		p.res.diags = append(p.res.diags, Diagnostic{Path: p.path, Line: p.strayBeforeLine, Kind: KindStrayText,
			Message: fmt.Sprintf("%d untagged lines before the first article are ignored", p.strayBefore)})
	}
	if p.invalid > 0 && !p.invalidSeen {
		p.res.diags = append(p.res.diags, Diagnostic{Path: p.path, Kind: KindInvalidEncoding,
			Message: fmt.Sprintf("%d invalid byte sequences replaced by U+FFFD", p.invalid)})
	}
	sortDiagnostics(p.res.diags)
}

// line handles one line. It reports whether the line is complete in itself (a closed tag
// line, or blank): a file that ends without a newline on an incomplete line was cut short.
func (p *parser) line(line string, n int) (complete bool) {
	// A BOM starts every article of a file made by concatenating UTF-8 files with BOMs.
	trimmed := strings.TrimLeft(line, " \t\u3000\uFEFF")
	if p.invalid > 0 && !p.invalidSeen && strings.ContainsRune(line, utf8.RuneError) {
		// Reported once the line is handled, so that it goes to the article the line starts.
		defer func() {
			if p.cur != nil {
				p.invalidSeen = true
				if p.streaming {
					p.diag(n, KindInvalidEncoding, "invalid byte sequences replaced by U+FFFD (first here)")
				} else {
					p.diag(n, KindInvalidEncoding, fmt.Sprintf("%d invalid byte sequences in the file replaced by U+FFFD (first here)", p.invalid))
				}
			}
		}()
	}
	code, name, rest, isTag := splitOpenTag(trimmed)
	if p.state == stateBody {
		if isTag && code == "-"+codeBody {
			p.state = stateAfter
			return true
		}
		if isTag && isHeaderCode(code) && hasCloseTag(rest, code) {
			// A header line inside an open body: the body was never closed and the next
			// article has begun.
			p.diag(p.bodyStart, KindUnclosedBody, fmt.Sprintf("〖ZW/正文〗 at line %d is not closed before the next article at line %d", p.bodyStart, n))
			p.state = stateAfter // reported here: finish must not report it again
			p.startArticle(n)
		} else {
			p.bodyLine(line, n)
			return false
		}
	}
	if !isTag {
		if strings.TrimSpace(trimmed) == "" {
			return true
		}
		if p.cur == nil {
			if p.strayBefore == 0 {
				p.strayBeforeLine = n
			}
			p.strayBefore++
			return false
		}
		if p.overflow {
			return false
		}
		p.diag(n, KindStrayText, fmt.Sprintf("untagged line outside the body kept as an extra field: %q", clip(trimmed, 40)))
		p.cur.Extra = append(p.cur.Extra, Field{Code: "?", Value: p.text(trimmed, n), Line: n})
		return false
	}
	switch {
	case code == codeBody:
		if p.cur == nil {
			p.startArticle(n)
		}
		p.state = stateBody
		p.bodyStart = n
		if r := strings.TrimSpace(rest); r != "" {
			// Body text on the tag's own line, perhaps closed there too.
			if i := strings.Index(r, "〖-"+codeBody); i >= 0 {
				p.bodyLine(r[:i], n)
				p.state = stateAfter
			} else {
				p.bodyLine(r, n)
			}
		}
		return true
	case code == "-"+codeBody:
		// A closing body tag with no opening one: nothing to keep.
		return true
	case strings.HasPrefix(code, "-"):
		if p.cur != nil {
			p.diag(n, KindStrayText, fmt.Sprintf("closing tag 〖%s/%s〗 on a line of its own ignored", code, name))
		}
		return true
	}
	duplicate := false
	switch {
	case p.cur == nil:
		p.startArticle(n)
	case p.state == stateAfter && isHeaderCode(code):
		p.startArticle(n) // a header after a body: the next article, its ZQ missing
	case code == codeSerial && p.lastTag == codeSerial:
		duplicate = true // the same line twice
	case code == codeSerial && !p.seen.empty():
		p.startArticle(n)
	case code == codeDate && p.seen.has(codeDate):
		if p.seen.has(codeTitle) {
			p.startArticle(n) // a second date after a title: the next article, its ZQ missing
		} else {
			duplicate = true
		}
	case code == codeTitle && p.seen.has(codeTitle):
		if p.seenAfterTitle() {
			p.startArticle(n) // a second title after the fields that follow one: the next article
		} else {
			duplicate = true
		}
	case (code == codePage || code == codeItem) && p.seen.has(code):
		duplicate = true
	}
	if isHeaderCode(code) {
		p.lastTag = code
	}
	value, closed, trailing := splitValue(rest, code)
	if !closed {
		p.diag(n, KindUnclosedTag, fmt.Sprintf("〖%s/%s〗 has no 〖-%s/%s〗 on its line; the rest of the line is its value", code, name, code, name))
	}
	if t := strings.TrimSpace(trailing); t != "" && !p.overflow {
		p.diag(n, KindStrayText, fmt.Sprintf("text after 〖-%s/%s〗 kept as an extra field: %q", code, name, clip(t, 40)))
		p.cur.Extra = append(p.cur.Extra, Field{Code: "?", Value: p.text(t, n), Line: n})
	}
	if duplicate {
		// One value per field: the first stays, the second is kept aside, nothing is lost.
		v := p.text(value, n)
		p.diag(n, KindDuplicateTag, fmt.Sprintf("〖%s/%s〗 given twice in the article's header: the first value is kept, this one (%q) is kept as an extra field", code, name, clip(v, 40)))
		if !p.overflow {
			p.cur.Extra = append(p.cur.Extra, Field{Code: code, Name: name, Value: v, Line: n})
		}
		return closed
	}
	p.field(code, name, value, n)
	return closed
}

// seenAfterTitle reports whether the current article has a field that follows the title
// in the archive's order (FT, ZZ, FL, LM, BM, GJ, TC).
func (p *parser) seenAfterTitle() bool {
	for _, c := range [...]string{codeSubtitle, codeAuthor, codeClass, codeColumn, codePageName, codeKeywords, codeGenre} {
		if p.seen.has(c) {
			return true
		}
	}
	return false
}

func (p *parser) startArticle(n int) {
	p.finish()
	if p.stream != nil && p.res.bytes >= partBytes {
		p.flushPart()
	}
	p.cur = &Article{Path: p.path, Line: n}
	p.curLen, p.overflow, p.lastTag = 0, false, ""
	p.state = stateHeader
	p.seen = codeSet{}
	p.spill = nil
	p.joins = nil
}

// splitOpenTag recognises a line that starts with 〖CODE/名称〗 and returns the code, the
// name and the rest of the line. A closing tag has code "-XX".
func splitOpenTag(s string) (code, name, rest string, ok bool) {
	if !strings.HasPrefix(s, tagOpen) {
		return "", "", "", false
	}
	inner := s[len(tagOpen):]
	end := strings.Index(inner, tagClose)
	if end < 0 || end > 40 {
		return "", "", "", false
	}
	tag := inner[:end]
	slash := strings.IndexAny(tag, "/；;")
	if slash <= 0 {
		return "", "", "", false
	}
	code = tag[:slash]
	for i := 0; i < len(code); i++ {
		c := code[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-' && i == 0) {
			return "", "", "", false
		}
	}
	code = strings.ToUpper(code)
	_, size := utf8.DecodeRuneInString(tag[slash:])
	return code, tag[slash+size:], inner[end+len(tagClose):], true
}

func hasCloseTag(rest, code string) bool { return strings.Contains(rest, "〖-"+code) }

// splitValue cuts a field's value at its closing tag 〖-CODE/名称〗.
func splitValue(rest, code string) (value string, closed bool, trailing string) {
	i := strings.LastIndex(rest, "〖-"+code)
	if i < 0 {
		return rest, false, ""
	}
	after := rest[i:]
	j := strings.Index(after, tagClose)
	if j < 0 {
		return rest[:i], false, "" // the closing tag itself is cut short
	}
	return rest[:i], true, after[j+len(tagClose):]
}

func (p *parser) field(code, name, raw string, n int) {
	a := p.cur
	p.seen.add(code)
	if p.overflow {
		return
	}
	switch code {
	case codeSerial:
		a.Serial = p.number(raw, code, n)
	case codeDate:
		a.DateRaw = strings.TrimSpace(p.clean(raw, n))
		d, err := ParseDate(a.DateRaw)
		if err != nil {
			p.diag(n, KindInvalidDate, err.Error()+"; the article is kept without a date")
		}
		a.Date = d
	case codePage:
		a.Page = p.number(raw, code, n)
	case codeItem:
		a.Item = p.number(raw, code, n)
	case codeKicker:
		p.join(&a.Kicker, p.text(raw, n))
	case codeTitle:
		p.join(&a.Title, p.text(raw, n))
	case codeSubtitle:
		if s := p.text(raw, n); s != "" {
			a.Subtitles = append(a.Subtitles, s)
		}
	case codeAuthor:
		p.authors(raw, n)
	case codeClass:
		v := p.text(raw, n)
		if base, ok := strings.CutSuffix(v, "RW"); ok && base != "" {
			p.diag(n, KindGluedRW, fmt.Sprintf("classification %q has \"RW\" glued on; kept as %q", v, base))
			v = base
		}
		p.join(&a.Classification, v)
	case codeColumn:
		p.join(&a.Column, p.text(raw, n))
	case codePageName:
		p.join(&a.PageName, p.text(raw, n))
	case codeKeywords:
		p.keywords(raw, n)
	case codeGenre:
		a.Genres = appendUnique(a.Genres, splitGenres(p.text(raw, n))...)
	default:
		p.diag(n, KindUnknownTag, fmt.Sprintf("unknown tag 〖%s/%s〗 kept as an extra field", code, name))
		a.Extra = append(a.Extra, Field{Code: code, Name: name, Value: p.text(raw, n), Line: n})
	}
}

// join appends v to the field *dst with a space. A builder per field keeps a field that is
// repeated on thousands of lines linear: strings.Builder.String does not copy.
func (p *parser) join(dst *string, v string) {
	switch {
	case v == "":
		return
	case *dst == "":
		*dst = v
		return
	}
	b := p.joins[dst]
	if b == nil {
		if p.joins == nil {
			p.joins = map[*string]*strings.Builder{}
		}
		b = &strings.Builder{}
		b.WriteString(*dst)
		p.joins[dst] = b
	}
	b.WriteByte(' ')
	b.WriteString(v)
	*dst = b.String()
}

// number parses a whole number field (ZQ, BH, TH), full-width digits included.
func (p *parser) number(raw, code string, n int) int {
	s := strings.TrimSpace(p.clean(raw, n))
	if s == "" {
		p.diag(n, KindInvalidNumber, fmt.Sprintf("%s is empty", code))
		return 0
	}
	s = strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return '0' + (r - '０')
		}
		return r
	}, s)
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		p.diag(n, KindInvalidNumber, fmt.Sprintf("%s %q is not a whole number", code, clip(s, 20)))
		return 0
	}
	return v
}

// text cleans a single-valued field: markup removed, line-break tags become spaces, outer
// space trimmed.
func (p *parser) text(raw string, n int) string {
	return strings.TrimSpace(p.clean(strings.ReplaceAll(raw, lineTag, " "), n))
}

// clean removes inline tags, reporting broken ones.
func (p *parser) clean(s string, n int) string {
	out, broken := stripMarkup(s)
	if broken != "" {
		p.diag(n, KindBrokenMarkup, fmt.Sprintf("damaged or misplaced tag %q removed from the text", broken))
	}
	return out
}

// stripMarkup removes inline tags (〖JZ/加重〗, 〖-JZ/加重〗, 〖HH/换行〗, broken forms such
// as 〖JZ；加重〗) and orphaned tag ends (加重〗) from s. broken is the first damaged form met.
func stripMarkup(s string) (out string, broken string) {
	if !strings.Contains(s, tagClose) {
		return s, ""
	}
	// Each 〗 is matched against the output so far rather than the input, so that a tag
	// whose parts a removal joined ("〖AA/〖JZ/加重〗〗") is removed too. A tag is at most 30
	// bytes long (isInlineTag), so only the output's tail is searched: linear time.
	const window = len(tagOpen) + 30
	b := make([]byte, 0, len(s))
	for len(s) > 0 {
		i := strings.Index(s, tagClose)
		if i < 0 {
			b = append(b, s...)
			break
		}
		b = append(b, s[:i]...)
		s = s[i+len(tagClose):]
		tail := b[max(0, len(b)-window):]
		if open := bytes.LastIndex(tail, []byte(tagOpen)); open >= 0 && (open+len(tagOpen) == len(tail) || isInlineTag(string(tail[open+len(tagOpen):]))) {
			// An inline tag, or an empty 〖〗. Only HH and JZ belong inside text; any other
			// (a header or body tag nested in a value, a stray 〖ZW/正文〗 in the body) and
			// damaged forms are reported.
			tag := tail[open+len(tagOpen):]
			if broken == "" && (bytes.IndexByte(tag, '/') < 0 || !isTextTag(tag)) {
				broken = tagOpen + string(tag) + tagClose
			}
			b = b[:len(b)-len(tail)+open]
			continue
		}
		if !bytes.HasSuffix(b, []byte("加重")) && !bytes.HasSuffix(b, []byte("换行")) {
			b = append(b, tagClose...) // the common case, checked without a conversion
			continue
		}
		if name, ok := orphanTagName(string(b[max(0, len(b)-32):])); ok {
			if broken == "" {
				broken = name + tagClose
			}
			b = b[:len(b)-len(name)]
			continue
		}
		b = append(b, tagClose...)
	}
	return string(b), broken
}

// isTextTag reports whether tag (between 〖 and 〗, of isInlineTag's shape) is one of the
// inline tags of running text: HH 换行 or JZ 加重, opening or closing.
func isTextTag(tag []byte) bool {
	tag = bytes.TrimPrefix(tag, []byte("-"))
	return len(tag) > 2 && (tag[2] == '/' || tag[2] == 0xEF || tag[2] == ';') &&
		(tag[0]|0x20 == 'h' && tag[1]|0x20 == 'h' || tag[0]|0x20 == 'j' && tag[1]|0x20 == 'z')
}

// isInlineTag reports whether s (between 〖 and 〗) has the shape of a tag: an optional
// "-", two to four Latin letters, a separator, a short name.
func isInlineTag(s string) bool {
	if len(s) > 30 {
		return false
	}
	s = strings.TrimPrefix(s, "-")
	k := 0
	for k < len(s) && (s[k] >= 'A' && s[k] <= 'Z' || s[k] >= 'a' && s[k] <= 'z') {
		k++
	}
	if k < 2 || k > 4 {
		return false
	}
	rest := s[k:]
	return strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "；") || strings.HasPrefix(rest, ";")
}

// orphanTagName reports whether head ends with the name of an inline tag whose opening was
// lost ("    加重〗译文" in a real body line).
func orphanTagName(head string) (string, bool) {
	for _, name := range [...]string{"加重", "换行"} {
		if strings.HasSuffix(head, name) {
			full := name
			// Keep the code too if it survived: "JZ/加重〗".
			pre := head[:len(head)-len(name)]
			for _, sep := range [...]string{"/", "；", ";"} {
				if strings.HasSuffix(pre, sep) {
					p := strings.TrimSuffix(pre, sep)
					k := len(p)
					for k > 0 && (p[k-1] >= 'A' && p[k-1] <= 'Z') {
						k--
					}
					if k < len(p) {
						full = p[k:] + sep + name
						if k > 0 && p[k-1] == '-' {
							full = "-" + full
						}
					}
				}
			}
			return full, true
		}
	}
	return "", false
}

// authors splits ZZ: names separated by "/", then 〖HH/换行〗 segments, one of which may be
// the "DW：" unit. A segment that reads like prose (a sentence mark, or long) is body text
// that spilled into the field (seen once in the real archive) and moves to the body.
func (p *parser) authors(raw string, n int) {
	a := p.cur
	for i, seg := range splitLineTags(raw) {
		seg = strings.TrimSpace(p.clean(seg, n))
		unit := false
		for _, prefix := range [...]string{"DW：", "DW:"} {
			if rest, ok := strings.CutPrefix(seg, prefix); ok {
				seg, unit = strings.TrimSpace(rest), true
			}
		}
		if seg == "" {
			continue
		}
		if i > 0 && (len(p.spill) > 0 || isProse(seg)) {
			// Once prose has begun, what follows (a photo credit too) is body text.
			p.spill = append(p.spill, seg)
			continue
		}
		if unit {
			p.join(&a.AuthorUnit, seg)
			continue
		}
		for _, name := range strings.Split(seg, "/") {
			if name = strings.TrimSpace(name); name != "" {
				a.Authors = append(a.Authors, name)
			}
		}
	}
	if len(p.spill) > 0 {
		p.diag(n, KindBodyInAuthor, fmt.Sprintf("%d paragraphs of body text found in 〖ZZ/作者〗 after 〖HH/换行〗; moved to the end of the body", len(p.spill)))
	}
}

// splitLineTags splits s at each 〖HH/换行〗 (and its broken forms).
func splitLineTags(s string) []string {
	if !strings.Contains(s, "HH") {
		return []string{s}
	}
	var out []string
	for {
		i := strings.Index(s, "〖HH")
		if i < 0 {
			return append(out, s)
		}
		j := strings.Index(s[i:], tagClose)
		if j < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+j+len(tagClose):]
	}
}

func isProse(s string) bool {
	return strings.ContainsAny(s, "。！？") || utf8.RuneCountInString(s) > 60
}

// keywords splits GJ into topics and the RW list.
func (p *parser) keywords(raw string, n int) {
	a := p.cur
	v := p.text(raw, n)
	topics, rw, hasRW := cutRW(v)
	a.Topics = appendUnique(a.Topics, splitTopics(topics)...)
	if hasRW {
		entries := splitList(rw)
		if len(entries) == 0 {
			p.diag(n, KindEmptyRW, "RW： in 〖GJ/关键〗 lists no entry")
			return
		}
		a.RW = append(a.RW, entries...)
		a.RWSource = RWFromGJ
	}
}

// cutRW splits "topics RW：entries" at the marker (full-width or ASCII colon).
func cutRW(s string) (before, after string, found bool) {
	if i := strings.Index(s, rwMarker); i >= 0 {
		return s[:i], s[i+len(rwMarker):], true
	}
	if i := strings.Index(s, "RW:"); i >= 0 {
		return s[:i], s[i+len("RW:"):], true
	}
	return s, "", false
}

// splitTopics splits GJ topics like splitList, and on spaces too (topics are short terms;
// RW entries are not split on spaces because of broken names such as "朱 基").
func splitTopics(s string) []string {
	var out []string
	for _, t := range splitList(s) {
		out = append(out, strings.Fields(strings.ReplaceAll(t, "\u3000", " "))...)
	}
	return out
}

// splitList splits a GJ or RW list on "/" and "；" (and ";"), dropping empty items.
func splitList(s string) []string {
	var out []string
	for len(s) > 0 {
		i := strings.IndexAny(s, "/；;")
		item := s
		if i >= 0 {
			item = s[:i]
			_, size := utf8.DecodeRuneInString(s[i:])
			s = s[i+size:]
		} else {
			s = ""
		}
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

func appendUnique(list []string, items ...string) []string {
	if len(list)+len(items) > 32 {
		// A set keeps hostile lists (a GJ line of 100,000 topics) linear.
		seen := make(map[string]bool, len(list)+len(items))
		for _, s := range list {
			seen[s] = true
		}
		for _, it := range items {
			if !seen[it] {
				seen[it] = true
				list = append(list, it)
			}
		}
		return list
	}
next:
	for _, it := range items {
		for _, old := range list {
			if old == it {
				continue next
			}
		}
		list = append(list, it)
	}
	return list
}

// bodyLine adds one body line as a paragraph: indentation and markup removed; a line-break
// tag inside a line starts a new paragraph.
//
// Only the archive's indentation (up to four spaces, or ideographic spaces in converted
// copies) and trailing space are removed: space inside or at the start of a paragraph's
// text (" （崔耀中）") is part of it.
func (p *parser) bodyLine(line string, n int) {
	if p.overflow {
		return
	}
	line = strings.TrimRight(line, " \t")
	switch {
	case strings.HasPrefix(line, " "):
		for k := 0; k < 4 && strings.HasPrefix(line, " "); k++ {
			line = line[1:]
		}
	default:
		line = strings.TrimLeft(line, "\t\u3000")
	}
	if !strings.Contains(line, tagClose) {
		// The common case: no markup at all.
		if strings.TrimSpace(line) != "" {
			p.cur.Body = append(p.cur.Body, line)
		}
		return
	}
	for _, seg := range splitLineTags(line) {
		seg = p.clean(seg, n)
		if strings.TrimSpace(seg) != "" {
			p.cur.Body = append(p.cur.Body, seg)
		}
	}
}

// finish closes the current article: RW tail, spilled body text, checks.
func (p *parser) finish() {
	a := p.cur
	if a == nil {
		return
	}
	p.cur = nil
	if p.overflow {
		p.state = stateHeader
		p.res.skipped++
		p.skipped++
		return
	}
	if p.state == stateBody {
		p.diagAt(a, p.bodyStart, KindUnclosedBody, fmt.Sprintf("〖ZW/正文〗 at line %d is never closed; the body runs to the end of the file", p.bodyStart))
	}
	p.state = stateHeader
	if k := len(a.Body); k > 0 {
		if before, after, ok := cutRW(a.Body[k-1]); ok {
			entries := splitList(after)
			if before = strings.TrimSpace(before); before == "" {
				a.Body = a.Body[:k-1]
			} else {
				a.Body[k-1] = before
			}
			if len(entries) == 0 {
				p.diagAt(a, a.Line, KindEmptyRW, "RW： at the end of the body lists no entry")
			} else if a.RWSource == RWNone {
				a.RW, a.RWSource = entries, RWFromBody
			} else {
				a.RW = appendUnique(a.RW, entries...)
			}
		}
	}
	a.Body = append(a.Body, p.spill...)
	if !p.seen.has(codeTitle) || a.Title == "" {
		p.diagAt(a, a.Line, KindMissingField, "no title (〖BT/标题〗)")
	}
	if !p.seen.has(codeDate) {
		p.diagAt(a, a.Line, KindMissingField, "no date (〖RQ/日期〗)")
	}
	p.checkName(a)
	p.res.articles = append(p.res.articles, a)
	p.articles++
}

// checkName compares a file named YYYYMMDDPPNN.TXT with the article's RQ, BH and TH.
func (p *parser) checkName(a *Article) {
	base := path.Base(strings.ReplaceAll(a.Path, "\\", "/"))
	if i := strings.LastIndex(base, "!"); i >= 0 {
		base = base[i+1:]
	}
	stem, ok := strings.CutSuffix(strings.ToUpper(base), ".TXT")
	if !ok || len(stem) != 12 || a.Date.IsZero() {
		return
	}
	for i := 0; i < len(stem); i++ {
		if stem[i] < '0' || stem[i] > '9' {
			return
		}
	}
	want := fmt.Sprintf("%04d%02d%02d%02d%02d", a.Date.Year, int(a.Date.Month), a.Date.Day, a.Page, a.Item)
	if stem != want {
		p.diagAt(a, a.Line, KindNameMismatch, fmt.Sprintf("file name says %s but RQ/BH/TH say %s", stem, want))
	}
}

func (p *parser) diag(line int, kind Kind, msg string) {
	if p.overflow && p.cur != nil {
		return // the article is left out: one too_large says so
	}
	if p.cur == nil {
		p.res.diags = append(p.res.diags, Diagnostic{Path: p.path, Line: line, Kind: kind, Message: msg})
		return
	}
	p.diagAt(p.cur, line, kind, msg)
}

func (p *parser) diagAt(a *Article, line int, kind Kind, msg string) {
	d := Diagnostic{Path: p.path, Line: line, Kind: kind, Message: msg}
	a.Diagnostics = append(a.Diagnostics, d)
	p.res.diags = append(p.res.diags, d)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

func sortDiagnostics(ds []Diagnostic) {
	// Insertion sort by line: lists are short and mostly in order already.
	for i := 1; i < len(ds); i++ {
		for j := i; j > 0 && ds[j].Line < ds[j-1].Line; j-- {
			ds[j], ds[j-1] = ds[j-1], ds[j]
		}
	}
}

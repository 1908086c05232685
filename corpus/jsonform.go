package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// jsonRecord holds the keys of both JSON forms; the keys present tell which form a record
// is in (form). Values whose type varies between the forms or between files (page numbers
// as numbers or strings) are kept raw and read by jsonInt.
type jsonRecord struct {
	// The People's Daily (人民日报) form.
	Title     *string         `json:"title"`
	Dates     []jsonDate      `json:"dates"`
	Parts     []jsonPart      `json:"parts"`
	PageStart json.RawMessage `json:"page_start"`
	PageEnd   json.RawMessage `json:"page_end"`

	// The Wenhui Bao (文汇报) form.
	ID           json.RawMessage `json:"id"`
	Date         []jsonDate      `json:"date"`
	Page         json.RawMessage `json:"page"`
	Source       string          `json:"source"`
	Region       string          `json:"region"`
	Masthead     string          `json:"masthead"`
	SpecialIssue string          `json:"special_issue"`
	Column       string          `json:"column"`
	Genre        string          `json:"genre"`
	Count        json.RawMessage `json:"count"`
	YTitle       *string         `json:"ytitle"`
	MTitle       *string         `json:"mtitle"`
	FTitle       *string         `json:"ftitle"`
	Text         []jsonPart      `json:"text"`

	// Both.
	Authors []string `json:"authors"`
}

type jsonDate struct {
	Year  json.RawMessage `json:"year"`
	Month json.RawMessage `json:"month"`
	Day   json.RawMessage `json:"day"`
}

type jsonPart struct {
	Type string `json:"type"`
	Text string `json:"text"`
}

type jsonForm int

const (
	jsonNeither jsonForm = iota
	jsonPeoplesDaily
	jsonWenhuiBao
)

// The papers the JSON forms come from (Article.Paper).
const (
	PaperPeoplesDaily = "人民日报"
	PaperWenhuiBao    = "文汇报"
)

// form tells the form of a record by its keys: parts, dates, page_start or title for the
// People's Daily; text, date, mtitle, ytitle or ftitle for the Wenhui Bao. A record with
// keys of both is taken by its body key (parts, else text).
func (r *jsonRecord) form() jsonForm {
	pd := r.Parts != nil || r.Dates != nil || r.PageStart != nil || r.Title != nil
	wh := r.Text != nil || r.Date != nil || r.MTitle != nil || r.YTitle != nil || r.FTitle != nil
	switch {
	case pd && wh:
		if r.Parts != nil || r.Text == nil {
			return jsonPeoplesDaily
		}
		return jsonWenhuiBao
	case pd:
		return jsonPeoplesDaily
	case wh:
		return jsonWenhuiBao
	}
	return jsonNeither
}

// jsonInt reads a whole number written as a JSON number or a string of digits ("3", as the
// Wenhui Bao writes its pages); ok is false for anything else, and for null or absence.
func jsonInt(raw json.RawMessage) (n int, ok bool) {
	s := strings.TrimSpace(string(raw))
	if s == "" || s == "null" {
		return 0, false
	}
	if s[0] == '"' {
		var str string
		if json.Unmarshal(raw, &str) != nil {
			return 0, false
		}
		s = strings.TrimSpace(str)
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// date sets a.Date from the record's dates (the first: the issue day; the forms hold one),
// reporting a missing, impossible or extra date.
func (c *jsonConverter) date(a *Article, dates []jsonDate, key string) {
	if len(dates) == 0 {
		c.diag(KindMissingField, fmt.Sprintf("no date (%q)", key))
		return
	}
	if len(dates) > 1 {
		c.diag(KindJSONValue, fmt.Sprintf("%q holds %d dates; the first is the issue day", key, len(dates)))
	}
	y, okY := jsonInt(dates[0].Year)
	m, okM := jsonInt(dates[0].Month)
	d, okD := jsonInt(dates[0].Day)
	a.DateRaw = fmt.Sprintf("%s-%s-%s", dates[0].Year, dates[0].Month, dates[0].Day)
	if !okY || !okM || !okD {
		c.diag(KindInvalidDate, fmt.Sprintf("date %s is not three whole numbers; kept as DateRaw", a.DateRaw))
		return
	}
	a.DateRaw = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y <= 0 || m < 1 || m > 12 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		c.diag(KindInvalidDate, fmt.Sprintf("date %s does not exist; kept as DateRaw", a.DateRaw))
		return
	}
	a.Date = Date{Year: y, Month: time.Month(m), Day: d}
}

// page reads a page number, reporting one that is not a whole number.
func (c *jsonConverter) page(raw json.RawMessage, key string) int {
	if len(raw) == 0 || string(raw) == "null" {
		return 0
	}
	n, ok := jsonInt(raw)
	if !ok || n < 0 {
		c.diag(KindInvalidNumber, fmt.Sprintf("%q is %s, not a page number", key, clip(string(raw), 20)))
		return 0
	}
	return n
}

// htmlTag matches an HTML tag as the Wenhui Bao's pages left them: <IMG alt=… src="…">,
// <FONT class=imgsm>, </FONT>. A "<" not followed by a letter or "/" and a letter is text.
var htmlTag = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)

// paragraphs cleans the parts of a record into body paragraphs: HTML tags are removed
// (reported), white space at either end is trimmed, and paragraphs left empty are dropped.
// A part whose type is not "paragraph" is kept as a paragraph and reported.
func (c *jsonConverter) paragraphs(parts []jsonPart, key string) []string {
	out := make([]string, 0, len(parts))
	var tags []string
	odd := ""
	for _, p := range parts {
		if p.Type != "paragraph" && odd == "" {
			odd = p.Type
		}
		t := p.Text
		if strings.IndexByte(t, '<') >= 0 {
			t = htmlTag.ReplaceAllStringFunc(t, func(tag string) string {
				if len(tags) < 3 {
					tags = append(tags, clip(tag, 24))
				}
				return ""
			})
		}
		if t = trimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	if len(tags) > 0 {
		c.diag(KindHTMLStripped, fmt.Sprintf("HTML tags removed from the text: %s", strings.Join(tags, " ")))
	}
	if odd != "" {
		c.diag(KindJSONValue, fmt.Sprintf("a part of %q has type %q (not \"paragraph\"); kept as a paragraph", key, odd))
	}
	return out
}

// trimSpace trims white space at both ends, the ideographic space U+3000 included.
func trimSpace(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

// stripSpace removes every white space character (ASCII spaces, tabs, U+3000): the
// People's Daily joins its headline lines by two spaces, by U+3000, or by nothing.
func stripSpace(s string) string {
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// authors cleans an authors list: entries trimmed, empty ones dropped, entries that hold
// a separator split. text is the title and the paragraphs, joined, for the checks: an entry
// that is two names glued (范绪功安卫东) is split where the text shows the break
// (（范绪功　安卫东）) and reported either way; a one-character entry and an entry the text
// does not hold are reported.
func (c *jsonConverter) authors(raw []string, seps string, text string) []string {
	var out []string
	for _, entry := range raw {
		for _, name := range strings.FieldsFunc(entry, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(seps, r) }) {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		return nil
	}
	var fixed []string
	for _, name := range out {
		n := utf8.RuneCountInString(name)
		switch {
		case n == 1:
			c.diag(KindTruncatedAuthor, fmt.Sprintf("author %q is one character: a name cut short?", name))
		case n >= 4 && allHan(name):
			if first, second, ok := shownSplit(name, text); ok {
				c.diag(KindGluedAuthors, fmt.Sprintf("author %q is two names glued; split as the text shows: %s, %s", name, first, second))
				fixed = append(fixed, first, second)
				continue
			}
			if n >= 5 {
				c.diag(KindGluedAuthors, fmt.Sprintf("author %q is likely two names glued; the text does not show where to split, kept whole", name))
			}
		}
		if !strings.Contains(text, name) {
			c.diag(KindAuthorNotInText, fmt.Sprintf("author %q is not in the title or the text", name))
		}
		fixed = append(fixed, name)
	}
	return fixed
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// shownSplit finds where the text breaks a glued name: the first part followed by a
// separator (a space, U+3000, 、 or ，), then, within a few characters (a role such as
// 实习生), the second part. Parts have two characters at least.
func shownSplit(name, text string) (first, second string, ok bool) {
	r := []rune(name)
	for i := 2; i+2 <= len(r); i++ {
		a, b := string(r[:i]), string(r[i:])
		for from := 0; ; {
			j := strings.Index(text[from:], a)
			if j < 0 {
				break
			}
			rest := text[from+j+len(a):]
			from += j + len(a)
			sep, size := utf8.DecodeRuneInString(rest)
			if !(unicode.IsSpace(sep) || sep == '、' || sep == '，') {
				continue
			}
			window := rest[size:]
			if k := strings.Index(window, b); k >= 0 && utf8.RuneCountInString(window[:k]) <= 4 {
				return a, b, true
			}
		}
	}
	return "", "", false
}

// bylineRoles are words that may follow the last name of a byline line: 柯灵　主编.
var bylineRoles = []string{"主编", "摄影", "摄", "文", "整理"}

// isByline reports whether a paragraph is a byline line repeating the authors: short, no
// sentence punctuation, and ending with an author's name (after a role word such as 主编):
// 徐万明; 本报记者  陈泊微  陈弘; 吉林省…妇女队长　黄玉英. An inline byline (本报讯　记者王溪元
// 报道：…) is text and stays.
func isByline(p string, authors []string) bool {
	if len(authors) == 0 || utf8.RuneCountInString(p) > 60 || strings.ContainsAny(p, "。！？；：:!?;，,") {
		return false
	}
	s := trimSpace(p)
	for _, role := range bylineRoles {
		if t, ok := strings.CutSuffix(s, role); ok {
			s = trimSpace(t)
			break
		}
	}
	for _, a := range authors {
		if strings.HasSuffix(s, a) {
			return true
		}
	}
	return false
}

// isDateline reports whether a paragraph opens with a dateline: 新华社…, 本报…, 【…】, 据新华社….
func isDateline(p string) bool {
	for _, prefix := range []string{"新华社", "本报", "【", "据新华社", "据本报", "〔"} {
		if strings.HasPrefix(p, prefix) {
			return true
		}
	}
	return false
}

// isHeadlineLike reports whether a paragraph could be a headline line: short and without
// a sentence's end.
func isHeadlineLike(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 2 && n <= 40 && !strings.ContainsAny(p, "。！？；：:!?;")
}

// textOf joins a title and paragraphs for the author checks.
func textOf(title string, paras []string) string {
	var b bytes.Buffer
	b.WriteString(title)
	for _, p := range paras {
		b.WriteByte('\n')
		b.WriteString(p)
	}
	return b.String()
}

package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// peoplesDaily maps a record of the People's Daily form (docs/JSON-FORMATS.md) to a:
//
//	dates[0]            → Date (DateRaw YYYY-MM-DD)
//	page_start          → Page (page_end is reported when it differs)
//	title               → Title and Subtitles: the headline lines as the text repeats them
//	                      (first line the title, the others subtitles, in order); the raw
//	                      title split on runs of spaces when the text does not repeat it
//	authors             → Authors (glued names split where the text shows the break)
//	parts[].text        → Body, without the headline lines and a byline line after them
//
// Kicker, Serial, Item, Classification, Column, PageName, Topics, Genres and RW stay empty:
// the form has no such keys.
func (c *jsonConverter) peoplesDaily(rec *jsonRecord, a *Article) {
	a.Paper = PaperPeoplesDaily
	c.date(a, rec.Dates, "dates")
	a.Page = c.page(rec.PageStart, "page_start")
	if end := c.page(rec.PageEnd, "page_end"); end != 0 && a.Page != 0 && end != a.Page {
		c.diag(KindJSONValue, fmt.Sprintf("page_end %d differs from page_start %d; the page is page_start", end, a.Page))
	}
	title := ""
	if rec.Title != nil {
		title = trimSpace(*rec.Title)
	}
	paras := c.paragraphs(rec.Parts, "parts")
	a.Authors = c.authors(rec.Authors, "", textOf(title, paras))

	lines, body, glued := splitHeadline(title, paras)
	repeated := lines != nil // the text repeats the headline
	switch {
	case title == "":
		c.diag(KindMissingField, "no title (\"title\" empty or absent)")
	case lines == nil:
		lines = titleLines(title)
		if !isPictureTitle(title) {
			c.diag(KindTitleNotInText, fmt.Sprintf("the title %q is not the first lines of the text; the text is kept whole", clip(title, 30)))
		}
	case glued != "":
		c.diag(KindGluedTitle, fmt.Sprintf("the headline was glued to the text: %q cut from the first paragraph, %q left", clip(lines[len(lines)-1], 20), clip(glued, 20)))
	}
	if len(lines) > 0 {
		a.Title, a.Subtitles = lines[0], lines[1:]
	}
	if repeated && len(body) > 0 && isByline(body[0], a.Authors) {
		body = body[1:]
	}
	// A headline line the title lacks: a short line between the headline and a dateline.
	if len(body) >= 2 && len(a.Subtitles) < 3 && isHeadlineLike(body[0]) && isDateline(body[1]) && !isByline(body[0], a.Authors) && a.Title != "" {
		c.diag(KindHeadlineNotTitle, fmt.Sprintf("%q, printed before the dateline, is not in the title; taken as a subtitle", clip(body[0], 30)))
		a.Subtitles = append(a.Subtitles, body[0])
		body = body[1:]
	}
	if len(a.Subtitles) == 0 {
		a.Subtitles = nil
	}
	a.Body = body
	if len(a.Body) == 0 {
		c.diag(KindEmptyText, "no body paragraph")
	}
}

// splitHeadline finds the title's lines at the head of the paragraphs: the first k
// paragraphs whose text, white space aside, is the title's. It returns them and the rest.
// When the title's end is glued to the text of a paragraph (…浪费国家资金编辑同志：), that
// paragraph is cut after the title and glued says what was left of it. lines is nil when
// the paragraphs do not start with the title.
func splitHeadline(title string, paras []string) (lines, body []string, glued string) {
	want := stripSpace(title)
	if want == "" {
		return nil, paras, ""
	}
	got := 0 // bytes of want matched so far
	for k, p := range paras {
		if k >= 6 {
			break
		}
		have := stripSpace(p)
		rest := want[got:]
		switch {
		case have == rest:
			return paras[:k+1], paras[k+1:], ""
		case strings.HasPrefix(rest, have) && have != "":
			got += len(have)
		case strings.HasPrefix(have, rest):
			head, tail := cutAfterChars(p, rest)
			if tail == "" {
				return nil, paras, ""
			}
			lines = append(append([]string{}, paras[:k]...), head)
			body = append([]string{tail}, paras[k+1:]...)
			return lines, body, tail
		default:
			return nil, paras, ""
		}
	}
	return nil, paras, ""
}

// cutAfterChars cuts p after the characters of prefix (which has no white space), white
// space in p skipped: the title part and the rest, both trimmed.
func cutAfterChars(p, prefix string) (head, tail string) {
	i := 0
	for j := 0; j < len(prefix); {
		r, size := utf8.DecodeRuneInString(p[i:])
		if size == 0 {
			break
		}
		i += size
		if unicode.IsSpace(r) {
			continue
		}
		j += size
	}
	return trimSpace(p[:i]), trimSpace(p[i:])
}

// runOfSpaces separates the headline lines of a raw title: two ASCII spaces or more.
var runOfSpaces = regexp.MustCompile(` {2,}`)

// titleLines splits a raw title on runs of ASCII spaces, for a title the text does not
// repeat.
func titleLines(title string) []string {
	var out []string
	for _, l := range runOfSpaces.Split(title, -1) {
		if l = trimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// isPictureTitle reports a photo's or a cartoon's title, which the text need not repeat:
// 图片, or a title ending with （图片）.
func isPictureTitle(title string) bool {
	return title == "图片" || strings.HasSuffix(title, "（图片）")
}

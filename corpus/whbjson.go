package corpus

import "strings"

// wenhuiBao maps a record of the Wenhui Bao form (docs/JSON-FORMATS.md) to a:
//
//	date[0]                  → Date (DateRaw YYYY-MM-DD)
//	page ("3")               → Page
//	ytitle / mtitle / ftitle → Kicker / Title / Subtitles (an empty one stays empty)
//	authors                  → Authors (split on ";" as well)
//	column / masthead        → Column / PageName
//	genre                    → Genres (empty in every file seen)
//	text[].text              → Body, HTML removed, without a first paragraph that only
//	                           repeats the byline (吴贵芳; 柯灵　主编)
//	id, count, source, region, special_issue → Extra, by key (when not empty)
//
// Serial, Item, Classification, Topics and RW stay empty: the form has no such keys.
func (c *jsonConverter) wenhuiBao(rec *jsonRecord, a *Article) {
	a.Paper = PaperWenhuiBao
	c.date(a, rec.Date, "date")
	a.Page = c.page(rec.Page, "page")
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return trimSpace(*p)
	}
	a.Kicker, a.Title = str(rec.YTitle), str(rec.MTitle)
	if ft := str(rec.FTitle); ft != "" {
		a.Subtitles = []string{ft}
	}
	if a.Title == "" {
		c.diag(KindMissingField, "no title (\"mtitle\" empty or absent)")
	}
	a.Column, a.PageName = trimSpace(rec.Column), trimSpace(rec.Masthead)
	if g := trimSpace(rec.Genre); g != "" {
		a.Genres = splitGenres(g)
	}
	for _, f := range []struct{ code, name, value string }{
		{"id", "编号", strings.Trim(string(rec.ID), `"`)},
		{"count", "字数", strings.Trim(string(rec.Count), `"`)},
		{"source", "来源", rec.Source},
		{"region", "地区", rec.Region},
		{"special_issue", "专刊", rec.SpecialIssue},
	} {
		if v := trimSpace(f.value); v != "" && v != "null" {
			a.Extra = append(a.Extra, Field{Code: f.code, Name: f.name, Value: v, Line: c.line})
		}
	}
	paras := c.paragraphs(rec.Text, "text")
	titles := strings.Join([]string{a.Kicker, a.Title, strings.Join(a.Subtitles, "")}, "\n")
	a.Authors = c.authors(rec.Authors, ";；", textOf(titles, paras))
	if len(paras) > 0 && isByline(paras[0], a.Authors) {
		paras = paras[1:]
	}
	a.Body = paras
	if len(a.Body) == 0 {
		c.diag(KindEmptyText, "no body paragraph")
	}
}

package report

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var htmlTemplateText string

//go:embed report.css
var styleSheet string

// htmlTemplate is parsed once per call: templates are cheap and a package-level one would
// be a mutable global.
func htmlTemplate() (*template.Template, error) {
	return template.New("report").Parse(htmlTemplateText)
}

// The view of a report that the template walks: every block resolved to its kind, every
// cell formatted, every number assigned.
type (
	htmlView struct {
		Lang, Title, Subtitle string
		Style                 template.CSS
		Sections              []htmlSection
	}
	htmlSection struct {
		Number    int
		ID, Title string
		Blocks    []htmlBlock
	}
	htmlBlock struct {
		Paragraph []string // a paragraph's lines (a Paragraph may hold line breaks)
		Facts     Facts
		Table     *htmlTable
		Figure    *htmlFigure
		Code      *Code
	}
	htmlTable struct {
		Number        int
		Caption, Note string
		Columns       []cell // Text: the name; Number: the column is numeric
		Rows          [][]cell
	}
	htmlFigure struct {
		Number       int
		Alt, Caption string
		Src          template.URL
	}
)

// WriteHTML writes r as one self-contained HTML5 page: the style sheet inline, figures
// as data: URIs (so an SVG's text shows in the reader's fonts and nothing is fetched),
// no script. Every string of r is escaped by html/template.
func WriteHTML(w io.Writer, r *Report) error {
	if err := r.Validate(); err != nil {
		return err
	}
	tmpl, err := htmlTemplate()
	if err != nil {
		return err
	}
	numbers := number(r)
	view := htmlView{Lang: r.Lang, Title: r.Title, Subtitle: r.Subtitle, Style: template.CSS(styleSheet)}
	if view.Lang == "" {
		view.Lang = "en"
	}
	for i, s := range r.Sections {
		hs := htmlSection{Number: i + 1, ID: s.ID, Title: s.Title}
		for _, b := range s.Blocks {
			switch b := b.(type) {
			case Paragraph:
				hs.Blocks = append(hs.Blocks, htmlBlock{Paragraph: strings.Split(string(b), "\n")})
			case Facts:
				hs.Blocks = append(hs.Blocks, htmlBlock{Facts: b})
			case *Code:
				hs.Blocks = append(hs.Blocks, htmlBlock{Code: b})
			case *Table:
				rows, numeric, short := tableLayout(b)
				t := &htmlTable{Number: numbers.tables[b], Caption: b.Caption, Note: b.Note, Rows: rows}
				for j, name := range b.Columns {
					t.Columns = append(t.Columns, cell{Text: name, Number: numeric[j]})
				}
				for _, row := range rows {
					for j := range row {
						row[j].Number, row[j].Short = numeric[j], short[j] && !numeric[j]
					}
				}
				hs.Blocks = append(hs.Blocks, htmlBlock{Table: t})
			case *Figure:
				hs.Blocks = append(hs.Blocks, htmlBlock{Figure: &htmlFigure{
					Number: numbers.figures[b], Alt: b.Alt, Caption: b.Caption, Src: dataURI(b),
				}})
			}
		}
		view.Sections = append(view.Sections, hs)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, view); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// dataURI embeds a figure's bytes. The URI is built here from validated bytes, so it is
// safe to mark as a URL for html/template, which otherwise rejects data: URIs. An SVG
// shown through <img> runs no script and loads nothing, whatever it holds.
func dataURI(f *Figure) template.URL {
	mime := "image/png"
	if f.Format == SVG {
		mime = "image/svg+xml"
	}
	return template.URL("data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(f.Data))
}

package report

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hostile is text that would be markup if it were not escaped, in HTML and in Markdown.
const hostile = `<script>alert("x")</script> A & B | *c* _d_ [e](f) ` + "`g`" + ` \ # ~ 毛泽东`

// tinySVG and tinyPNG are minimal valid pictures.
const tinySVG = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text x="1" y="9">&lt;毛&gt;</text></svg>`

var tinyPNG = func() []byte {
	var b bytes.Buffer
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	img.Pix[0] = 0xff
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

func sampleReport() *Report {
	return &Report{
		Title:    "Report on " + hostile,
		Subtitle: "1958-08-04 – 2003-05-28, 30 articles",
		Sections: []Section{
			{ID: "overview", Title: "Overview " + hostile, Blocks: []Block{
				Paragraph("First line " + hostile + "\nsecond line"),
				Facts{{Value: "30", Label: "articles"}, {Value: "1958–2003", Label: "years " + hostile}},
				&Table{
					Caption: "Counts " + hostile,
					Columns: []string{"name", "count", "share", "mixed"},
					Rows: [][]any{
						{hostile, 12, 0.123456, "x"},
						{"a|b", int64(3), 1.0, 7},
						{"", nil, 0.00001, nil},
					},
					Note: "note " + hostile,
				},
			}},
			{ID: "figures", Title: "Figures", Blocks: []Block{
				&Figure{Name: "bars", Format: SVG, Data: []byte(tinySVG), Alt: "alt " + hostile, Caption: "caption " + hostile},
				&Figure{Name: "dot", Format: PNG, Data: tinyPNG, Alt: "a dot", Caption: "one pixel"},
				&Code{Caption: "Command", Text: "baokan report -o out/ ```" + hostile + "\n  indented"},
			}},
		},
	}
}

func render(t *testing.T, r *Report) (htmlOut, mdOut string) {
	t.Helper()
	var h, m bytes.Buffer
	if err := WriteHTML(&h, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&m, r, "figures"); err != nil {
		t.Fatal(err)
	}
	return h.String(), m.String()
}

// nodes returns every element of the tree with the given tag, in document order.
func nodes(n *html.Node, tag atom.Atom) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == tag {
			out = append(out, d)
		}
	}
	return out
}

// text is the text content of n, as a browser's textContent.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestHTMLEscapesAndStructure(t *testing.T) {
	r := sampleReport()
	out, _ := render(t, r)
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	// The only script-like thing is text: no <script> element anywhere, and the parsed
	// text of each place equals the string given.
	if s := nodes(doc, atom.Script); len(s) != 0 {
		t.Fatalf("a <script> element got through: %d", len(s))
	}
	if !strings.Contains(out, "&lt;script&gt;") {
		t.Error("the escaped title is missing")
	}
	if got := text(nodes(doc, atom.H1)[0]); got != r.Title {
		t.Errorf("h1 = %q, want %q", got, r.Title)
	}
	h2 := nodes(doc, atom.H2)
	if len(h2) != 2 || text(h2[0]) != "1 "+r.Sections[0].Title || text(h2[1]) != "2 Figures" {
		t.Errorf("section headings: %d, first %q", len(h2), text(h2[0]))
	}
	for _, s := range r.Sections {
		found := false
		for _, sec := range nodes(doc, atom.Section) {
			found = found || attr(sec, "id") == s.ID
		}
		if !found {
			t.Errorf("no <section id=%q>", s.ID)
		}
	}
	// The paragraph keeps its line break as <br>.
	p := nodes(nodes(doc, atom.Section)[0], atom.P)[0]
	if got, want := text(p), "First line "+hostile+"second line"; got != want || len(nodes(p, atom.Br)) != 1 {
		t.Errorf("paragraph = %q with %d <br>, want %q with 1", got, len(nodes(p, atom.Br)), want)
	}

	// The key figures: label and value of each, in order.
	var facts []string
	for d := range nodes(doc, atom.Dl)[0].ChildNodes() {
		if d.Type == html.ElementNode {
			facts = append(facts, text(nodes(d, atom.Dd)[0])+" "+text(nodes(d, atom.Dt)[0]))
		}
	}
	if got, want := strings.Join(facts, "; "), "30 articles; 1958–2003 years "+hostile; got != want {
		t.Errorf("facts %q, want %q", got, want)
	}

	// The table: caption numbered, cells as the terminal table prints them (four
	// decimals: 0.123456 → 0.1235, 1 → 1.0000, 0.00001 → 1.000e-05, all worked by hand
	// from the rule of reports.Writer.WriteRow), numeric columns right-aligned.
	table := nodes(doc, atom.Table)[0]
	if got := text(nodes(table, atom.Caption)[0]); got != "Table 1. Counts "+hostile {
		t.Errorf("caption = %q", got)
	}
	wantCells := [][]string{
		{"name", "count", "share", "mixed"},
		{hostile, "12", "0.1235", "x"},
		{"a|b", "3", "1.0000", "7"},
		{"", "", "1.000e-05", ""},
	}
	wantNum := []bool{false, true, true, false}
	rows := nodes(table, atom.Tr)
	if len(rows) != len(wantCells) {
		t.Fatalf("%d rows, want %d", len(rows), len(wantCells))
	}
	for i, tr := range rows {
		var cells []*html.Node
		for c := range tr.ChildNodes() {
			if c.Type == html.ElementNode {
				cells = append(cells, c)
			}
		}
		for j, c := range cells {
			if got := text(c); got != wantCells[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, got, wantCells[i][j])
			}
			if got := attr(c, "class") == "num"; got != wantNum[j] {
				t.Errorf("cell %d,%d right-aligned %v, want %v", i, j, got, wantNum[j])
			}
		}
	}

	// Figures: numbered, the alt text as given, the picture's bytes in a data: URI.
	imgs := nodes(doc, atom.Img)
	if len(imgs) != 2 {
		t.Fatalf("%d images, want 2", len(imgs))
	}
	for i, want := range []struct {
		mime string
		data []byte
		alt  string
	}{{"image/svg+xml", []byte(tinySVG), "alt " + hostile}, {"image/png", tinyPNG, "a dot"}} {
		src := attr(imgs[i], "src")
		prefix := "data:" + want.mime + ";base64,"
		if !strings.HasPrefix(src, prefix) {
			t.Errorf("figure %d: src starts %.40q", i+1, src)
			continue
		}
		data, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(src, prefix))
		if err != nil || !bytes.Equal(data, want.data) {
			t.Errorf("figure %d: the embedded bytes differ (%v)", i+1, err)
		}
		if got := attr(imgs[i], "alt"); got != want.alt {
			t.Errorf("figure %d: alt %q", i+1, got)
		}
	}
	if got := text(nodes(doc, atom.Figcaption)[1]); got != "Figure 2. one pixel" {
		t.Errorf("second caption = %q", got)
	}
	if got := text(nodes(doc, atom.Pre)[0]); got != r.Sections[1].Blocks[2].(*Code).Text {
		t.Errorf("pre = %q", got)
	}
	// Self-contained: nothing to fetch.
	for _, tag := range []atom.Atom{atom.Link, atom.Script, atom.Iframe} {
		if len(nodes(doc, tag)) > 0 {
			t.Errorf("the page has a <%s>", tag)
		}
	}
	if strings.Contains(out, "http://") || strings.Contains(out, "https://") {
		t.Error("the page names a network address")
	}
}

// TestMarkdownRendersAsWritten renders the Markdown with goldmark (GitHub-flavoured
// tables), an independent Markdown implementation, and checks that every string comes
// out as the text given: no markup made of the data, tables intact.
func TestMarkdownRendersAsWritten(t *testing.T) {
	r := sampleReport()
	_, md := render(t, r)
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.Table))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	if s := nodes(doc, atom.Script); len(s) != 0 {
		t.Fatal("a <script> element came out of the Markdown")
	}
	for _, tag := range []atom.Atom{atom.Em, atom.Strong, atom.A} {
		for _, n := range nodes(doc, tag) {
			// The only emphasis and links are ours: the captions' labels, the code caption,
			// the key figures' values and the contents' links.
			got := text(n)
			if !strings.HasPrefix(got, "Table ") && !strings.HasPrefix(got, "Figure ") && got != "Command" && got != "30" && got != "1958–2003" &&
				got != r.Sections[0].Title && got != r.Sections[1].Title && got != "" {
				t.Errorf("<%s>%s</%s> made of the data", tag, got, tag)
			}
		}
	}
	if got := text(nodes(doc, atom.H1)[0]); got != r.Title {
		t.Errorf("h1 = %q, want %q", got, r.Title)
	}
	if li := nodes(doc, atom.Li); len(li) < 4 || text(li[2]) != "30 articles" || text(li[3]) != "1958–2003 years "+hostile {
		t.Errorf("the facts are not a list of value and label")
	}
	tables := nodes(doc, atom.Table)
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	wantCells := [][]string{
		{"name", "count", "share", "mixed"},
		{hostile, "12", "0.1235", "x"},
		{"a|b", "3", "1.0000", "7"},
		{"", "", "1.000e-05", ""},
	}
	rows := nodes(tables[0], atom.Tr)
	if len(rows) != len(wantCells) {
		t.Fatalf("%d rows, want %d", len(rows), len(wantCells))
	}
	for i, tr := range rows {
		j := 0
		for c := range tr.ChildNodes() {
			if c.Type != html.ElementNode {
				continue
			}
			if got := strings.TrimSpace(text(c)); got != wantCells[i][j] {
				t.Errorf("cell %d,%d = %q, want %q", i, j, got, wantCells[i][j])
			}
			if j == 1 && attr(c, "style") != "text-align:right" {
				t.Errorf("count cell %d is not right-aligned: %q", i, attr(c, "style"))
			}
			j++
		}
	}
	imgs := nodes(doc, atom.Img)
	if len(imgs) != 2 || attr(imgs[0], "src") != "figures/bars.svg" || attr(imgs[1], "src") != "figures/dot.png" {
		t.Errorf("images: %d", len(imgs))
	} else if got := attr(imgs[0], "alt"); got != "alt "+hostile {
		t.Errorf("alt = %q", got)
	}
	pre := nodes(doc, atom.Pre)
	if len(pre) != 1 || text(pre[0]) != r.Sections[1].Blocks[2].(*Code).Text+"\n" {
		t.Errorf("code block: %q", text(pre[0]))
	}
}

func TestWriteDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	r := sampleReport()
	if err := WriteDir(dir, r); err != nil {
		t.Fatal(err)
	}
	htmlOut, mdOut := render(t, r)
	for name, want := range map[string][]byte{
		HTMLFile:           []byte(htmlOut),
		MarkdownFile:       []byte(mdOut),
		"figures/bars.svg": []byte(tinySVG),
		"figures/dot.png":  tinyPNG,
	} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the rendering", name)
		}
	}
	// Deterministic: a second rendering gives the same bytes.
	if h2, m2 := render(t, r); h2 != htmlOut || m2 != mdOut {
		t.Error("two renderings differ")
	}
}

func TestValidate(t *testing.T) {
	for name, r := range map[string]*Report{
		"duplicate section": {Sections: []Section{{ID: "a"}, {ID: "a"}}},
		"bad anchor":        {Sections: []Section{{ID: "a b"}}},
		"short row":         {Sections: []Section{{ID: "a", Blocks: []Block{&Table{Columns: []string{"x", "y"}, Rows: [][]any{{1}}}}}}},
		"bad cell":          {Sections: []Section{{ID: "a", Blocks: []Block{&Table{Columns: []string{"x"}, Rows: [][]any{{struct{}{}}}}}}}},
		"not svg":           {Sections: []Section{{ID: "a", Blocks: []Block{&Figure{Name: "f", Format: SVG, Data: tinyPNG}}}}},
		"not png":           {Sections: []Section{{ID: "a", Blocks: []Block{&Figure{Name: "f", Format: PNG, Data: []byte(tinySVG)}}}}},
		"bad name":          {Sections: []Section{{ID: "a", Blocks: []Block{&Figure{Name: "../f", Format: SVG, Data: []byte(tinySVG)}}}}},
		"twice":             {Sections: []Section{{ID: "a", Blocks: []Block{&Figure{Name: "f", Format: SVG, Data: []byte(tinySVG)}, &Figure{Name: "f", Format: SVG, Data: []byte(tinySVG)}}}}},
		"nil block":         {Sections: []Section{{ID: "a", Blocks: []Block{nil}}}},
	} {
		if err := WriteHTML(&bytes.Buffer{}, r); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

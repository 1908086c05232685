package report

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"strings"
)

// WriteMarkdown writes r as GitHub-flavoured Markdown. Figures are linked, not embedded:
// each as figureDir/NAME.svg (or .png), a path relative to the Markdown file; WriteDir
// writes the files there. Text is escaped so that it shows as written: Markdown's
// punctuation gets a backslash, and <, > and & become entities, so that no value turns
// into markup or raw HTML.
func WriteMarkdown(w io.Writer, r *Report, figureDir string) error {
	if err := r.Validate(); err != nil {
		return err
	}
	numbers := number(r)
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n", mdText(r.Title))
	if r.Subtitle != "" {
		fmt.Fprintf(b, "\n%s\n", mdText(r.Subtitle))
	}
	b.WriteString("\n")
	for i, s := range r.Sections {
		fmt.Fprintf(b, "%d. [%s](#%s)\n", i+1, mdText(s.Title), s.ID)
	}
	for i, s := range r.Sections {
		// The explicit anchor keeps the HTML's #ID working here, whatever the renderer
		// makes of the heading.
		fmt.Fprintf(b, "\n<a id=\"%s\"></a>\n\n## %d %s\n", s.ID, i+1, mdText(s.Title))
		for _, block := range s.Blocks {
			b.WriteString("\n")
			switch block := block.(type) {
			case Paragraph:
				lines := strings.Split(string(block), "\n")
				for j, line := range lines {
					b.WriteString(mdText(line))
					if j < len(lines)-1 {
						b.WriteString("<br>") // a hard line break, as in the HTML
					}
					b.WriteString("\n")
				}
			case Facts:
				for _, f := range block {
					fmt.Fprintf(b, "- **%s** %s\n", mdText(f.Value), mdText(f.Label))
				}
			case *Table:
				writeMarkdownTable(b, block, numbers.tables[block])
			case *Figure:
				fmt.Fprintf(b, "![%s](%s)\n\n", mdText(block.Alt), path.Join(figureDir, block.FileName()))
				fmt.Fprintf(b, "*Figure %d.* %s\n", numbers.figures[block], mdText(block.Caption))
			case *Code:
				if block.Caption != "" {
					fmt.Fprintf(b, "**%s**\n\n", mdText(block.Caption))
				}
				fence := codeFence(block.Text)
				fmt.Fprintf(b, "%s\n%s\n%s\n", fence, strings.TrimRight(block.Text, "\n"), fence)
			}
		}
	}
	return b.Flush()
}

func writeMarkdownTable(b *bufio.Writer, t *Table, n int) {
	rows, numeric := tableCells(t)
	fmt.Fprintf(b, "*Table %d.* %s\n\n", n, mdText(t.Caption))
	b.WriteString("|")
	for _, c := range t.Columns {
		fmt.Fprintf(b, " %s |", mdCell(c))
	}
	b.WriteString("\n|")
	for j := range t.Columns {
		if numeric[j] {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, row := range rows {
		b.WriteString("|")
		for _, c := range row {
			fmt.Fprintf(b, " %s |", mdCell(c.Text))
		}
		b.WriteString("\n")
	}
	if t.Note != "" {
		fmt.Fprintf(b, "\n%s\n", mdText(t.Note))
	}
}

// mdEscaper escapes the characters that mean something to Markdown or HTML in running
// text. & goes first in the replacer's list but strings.Replacer never re-escapes its own
// output, so "&lt;" in the input becomes "&amp;lt;".
var mdEscaper = strings.NewReplacer(
	`&`, `&amp;`, `<`, `&lt;`, `>`, `&gt;`,
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `|`, `\|`,
	`#`, `\#`, `~`, `\~`,
)

// lineBreaks turns line breaks into spaces.
var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// mdText escapes s for running Markdown text.
func mdText(s string) string { return mdEscaper.Replace(s) }

// mdCell escapes s for a table cell, which must also stay on one line.
func mdCell(s string) string {
	return lineBreaks.Replace(mdText(s))
}

// codeFence returns a backtick fence longer than any run of backticks in text.
func codeFence(text string) string {
	longest, run := 0, 0
	for _, r := range text {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

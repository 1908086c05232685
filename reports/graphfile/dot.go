package graphfile

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/baokan/baokan/analysis/network"
)

// WriteDOT writes net as an undirected Graphviz graph. Every id is a double-quoted
// string (Chinese names need it), nodes carry label and the node measures as
// attributes, edges weight (an integer, as dot's layout requires) and the edge measures.
// Graphviz ignores the attributes it does not know but keeps them in its output.
func WriteDOT(w io.Writer, net *network.Network) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("graph \"baokan\" {\n")
	for i := range net.Nodes {
		n := &net.Nodes[i]
		bw.WriteString("\t")
		bw.WriteString(quoteDOT(n.Person))
		bw.WriteString(" [label=")
		bw.WriteString(quoteDOT(n.Person))
		for k, v := range nodeValues(n) {
			writeDOTAttr(bw, nodeAttributes[k].ID, v)
		}
		writeDOTAttr(bw, "first_date", n.FirstDate.String())
		writeDOTAttr(bw, "last_date", n.LastDate.String())
		bw.WriteString("];\n")
	}
	for i := range net.Edges {
		e := &net.Edges[i]
		bw.WriteString("\t")
		bw.WriteString(quoteDOT(e.Source))
		bw.WriteString(" -- ")
		bw.WriteString(quoteDOT(e.Target))
		bw.WriteString(" [weight=")
		bw.WriteString(strconv.Itoa(e.Weight))
		for k, v := range edgeValues(e) {
			writeDOTAttr(bw, edgeAttributes[k].ID, v)
		}
		writeDOTAttr(bw, "first_date", e.FirstDate.String())
		writeDOTAttr(bw, "last_date", e.LastDate.String())
		bw.WriteString("];\n")
	}
	bw.WriteString("}\n")
	return bw.Flush() // bufio keeps the first write error
}

// writeDOTAttr writes `, name=value`, value quoted, unless value is empty.
func writeDOTAttr(bw *bufio.Writer, name, value string) {
	if value == "" {
		return
	}
	bw.WriteString(", ")
	bw.WriteString(name)
	bw.WriteString("=")
	bw.WriteString(quoteDOT(value))
}

// quoteDOT returns s as a DOT double-quoted string. In such a string DOT knows one
// escape, \" for a quote, and keeps every other backslash as it is, so backslashes are
// written unchanged; but nothing can express a backslash just before the closing quote,
// so a trailing backslash becomes the full-width ＼ (U+FF3C). Line breaks become \n,
// which Graphviz shows as a line break in labels.
func quoteDOT(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\' && i == len(s)-1:
			b.WriteString("＼")
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

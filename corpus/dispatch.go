package corpus

import (
	"bytes"
	"path/filepath"
	"strings"
)

// The source forms a file may hold, told apart by its content (see sniffForm).
type sourceForm int

const (
	formTagged sourceForm = iota // the tagged export (〖XX/名〗 fields): parse.go
	formJSON                     // JSON: one People's Daily or Wenhui Bao article a line or a file: jsonl.go
)

// parseContent is the one place that decides, from a file's content, which parser reads it:
// the tagged export, or the JSON forms (People's Daily, Wenhui Bao, one object a file or one
// a line; the object's keys then tell the two papers apart). paper names the paper of tagged
// articles (Options.TaggedPaper), which the export does not name.
func parseContent(name string, data []byte, skipBody bool, paper string) *fileResult {
	if sniffForm(data) == formJSON {
		return parseJSONFile(name, data, skipBody)
	}
	res := parseFile(name, data, skipBody)
	if paper != "" {
		for _, a := range res.articles {
			a.Paper = paper
		}
	}
	return res
}

// sniffForm says which form data is in: JSON when its first byte after a UTF-8 byte-order
// mark and white space is "{" (a tagged file starts with 〖 or with text, never with "{"),
// the tagged export otherwise.
func sniffForm(data []byte) sourceForm {
	data = bytes.TrimPrefix(data, utf8BOM)
	i := 0
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
		i++
	}
	if i < len(data) && data[i] == '{' {
		return formJSON
	}
	return formTagged
}

// isArticleFile says which files inside folders and archives are read: .txt (the tagged
// export), .json (one article a file) and .jsonl / .ndjson (JSON Lines), in any case. Which
// parser reads a file is decided by its content (parseContent), not by its name. A file
// named on the command line is read whatever its name.
func isArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
}

package corpus

import "fmt"

// Kind classifies a Diagnostic. Kinds are stable strings: scripts may match on them.
type Kind string

// The kinds of problem the reader reports. An article with a problem is kept unless the
// kind says "skipped"; a file that yields no article is reported with one of the file kinds.
const (
	// Encoding
	KindInvalidEncoding Kind = "invalid_encoding" // byte sequences not valid in the detected encoding, replaced by U+FFFD

	// Field values
	KindInvalidDate   Kind = "invalid_date"   // RQ is not a real YYYYMMDD date; kept as DateRaw
	KindInvalidNumber Kind = "invalid_number" // ZQ, BH or TH is not a whole number
	KindMissingField  Kind = "missing_field"  // RQ or BT is absent
	KindUnknownTag    Kind = "unknown_tag"    // a tag the reader does not know; kept in Extra
	KindUnclosedTag   Kind = "unclosed_tag"   // 〖XX/名〗 without its 〖-XX/名〗 on the same line
	KindBrokenMarkup  Kind = "broken_markup"  // a damaged inline tag (加重〗, 〖JZ；加重〗) removed from text
	KindStrayText     Kind = "stray_text"     // a header line that is no tag; kept in Extra with code "?"
	KindGluedRW       Kind = "glued_rw"       // "RW" glued to FL (D6029RW); removed
	KindEmptyRW       Kind = "empty_rw"       // "RW：" followed by no entry
	KindBodyInAuthor  Kind = "body_in_author" // body text spilled into ZZ after 〖HH/换行〗; moved to the body
	KindNameMismatch  Kind = "name_mismatch"  // file name YYYYMMDDPPNN disagrees with RQ/BH/TH

	// Structure
	KindUnclosedBody Kind = "unclosed_body" // 〖ZW/正文〗 never closed: the body runs to the next article or the end of the file
	KindTruncated    Kind = "truncated"     // the file ends in the middle of a line of an unfinished article; the article is skipped

	// Files
	KindEmptyFile Kind = "empty_file" // the file has no bytes
	KindNoArticle Kind = "no_article" // the file has bytes but no tagged field
	KindReadError Kind = "read_error" // the file or archive member could not be read
)

// Diagnostic is one problem met while reading, located by file and line.
type Diagnostic struct {
	Path    string
	Line    int // 1-based; 0 when the problem concerns the whole file
	Kind    Kind
	Message string
}

func (d Diagnostic) String() string {
	if d.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", d.Path, d.Line, d.Kind, d.Message)
	}
	return fmt.Sprintf("%s: %s: %s", d.Path, d.Kind, d.Message)
}

// Skips reports whether an article with this diagnostic is left out of the stream.
func (k Kind) Skips() bool { return k == KindTruncated }

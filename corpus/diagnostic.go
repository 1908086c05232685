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
	// KindDuplicateTag: a header field that holds one value (ZQ, RQ, BH, TH, BT) given twice
	// in one article's header. The first value is kept in its field and the second in Extra
	// (with its code), so nothing is lost; the article is not split in two. (A repeated RQ
	// after the title, or BT after a field that follows the title, still starts the next
	// article of a file whose ZQ lines are missing.)
	KindDuplicateTag Kind = "duplicate_tag"

	// Structure
	KindUnclosedBody Kind = "unclosed_body" // 〖ZW/正文〗 never closed: the body runs to the next article or the end of the file
	KindTruncated    Kind = "truncated"     // the file ends in the middle of a line of an unfinished article; the article is skipped
	// KindTooLarge: an article holds a line longer than 4 MiB or more than 16 MiB in all
	// (real ones: 815 and 25,000 bytes at most), or a JSON record is over
	// MaxJSONRecordBytes (left undecoded); the article is skipped, the rest of the file is
	// read.
	KindTooLarge Kind = "too_large"

	// The JSON forms (People's Daily, Wenhui Bao; docs/JSON-FORMATS.md)
	KindJSONSyntax       Kind = "json_syntax"           // a JSON object (a file, or a line of JSON Lines) is not valid JSON (truncated, damaged); the article is skipped
	KindJSONType         Kind = "json_type"             // a key holds a value of the wrong type (a string for a list…); that field is left empty
	KindJSONValue        Kind = "json_value"            // an unusual value: several dates, page_end ≠ page_start, a part that is not a paragraph
	KindJSONUnknown      Kind = "json_unknown"          // a JSON value with the keys of neither the People's Daily nor the Wenhui Bao form; skipped
	KindHTMLStripped     Kind = "html_stripped"         // HTML tags (<IMG …>, <FONT …>) removed from a paragraph
	KindEmptyText        Kind = "empty_text"            // no body paragraph (advertisements, classifieds, a picture alone); the article is kept
	KindGluedTitle       Kind = "glued_title"           // the headline was glued to the first line of the text (…浪费国家资金编辑同志：); cut from the body
	KindTitleNotInText   Kind = "title_not_in_text"     // the title is not the text's first lines (a photo's or cartoon's caption aside); the body is kept whole
	KindHeadlineNotTitle Kind = "headline_not_in_title" // a headline line printed before the dateline is missing from the title; taken as a subtitle
	KindGluedAuthors     Kind = "glued_authors"         // an author entry is two names glued (范绪功安卫东); split where the text shows the break
	KindTruncatedAuthor  Kind = "truncated_author"      // an author entry of one character
	KindAuthorNotInText  Kind = "author_not_in_text"    // an author entry found neither in the title nor in the text
	KindDuplicate        Kind = "duplicate_article"     // the same paper, date, page, title and text as an article read before (month boundaries of the People's Daily); read once, this one skipped

	// Files
	KindEmptyFile Kind = "empty_file" // the file has no bytes
	KindNoArticle Kind = "no_article" // the file has bytes but no tagged field
	KindReadError Kind = "read_error" // the file or archive member could not be read
	// KindNotRegular: a FIFO, device or socket (in a folder or named): reading it could block
	// or never end (/dev/zero), so it is not read.
	KindNotRegular Kind = "not_regular"
	// KindMemberTooLarge: an archive member that expands beyond --max-member-size
	// (Options.MaxMemberSize), or more than 500 times its compressed size to more than
	// 64 MiB (a decompression bomb), is not read or read only up to the limit; a .tar.gz
	// that expands that much is read no further.
	KindMemberTooLarge Kind = "member_too_large"
)

// Reasons for not reading a file (Summary.NotRead, Options.OnNotRead). They are not
// diagnostics: nothing is wrong with the file, it is simply not an article file, or not
// read twice.
const (
	// KindDuplicateFile: a file read already through another source (the same device and
	// inode: `stats C C`, `stats C C/txt/1962`, a hard link, a symbolic link), or an
	// archive member with the same name inside its archive and the same bytes as a member
	// read already (x.zip and x.tar.gz of the same files; a tar hard link to a member read).
	// The first occurrence in stream order is read.
	KindDuplicateFile Kind = "duplicate_file"
	// KindNotTxt: a file in a folder or archive whose name ends in none of .txt, .json, .jsonl
	// and .ndjson (isArticleFile); the name is kept from the time only .txt was read.
	KindNotTxt Kind = "not_txt"
	// KindNestedArchive: an archive inside an archive (not opened).
	KindNestedArchive Kind = "nested_archive"
	// KindUnsupportedArchive: .rar, .7z, .gz, .bz2, .xz, .zst and the like (not opened).
	KindUnsupportedArchive Kind = "unsupported_archive"
	// KindLinkMember: a symbolic link inside a tar or zip archive (never followed: no path
	// leaves the archive), or a hard link to a member that was not read.
	KindLinkMember Kind = "link_member"
	// KindSymlinkLoop: a symbolic link to a folder that contains it (not followed again).
	KindSymlinkLoop Kind = "symlink_loop"
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
func (k Kind) Skips() bool {
	switch k {
	case KindTruncated, KindJSONSyntax, KindJSONUnknown, KindTooLarge, KindDuplicate:
		return true
	}
	return false
}

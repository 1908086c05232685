// Package corpus reads the tagged full-text export of the People's Daily (人民日报) and
// PLA Daily (解放军报) archives: files, folders, glob patterns and .zip / .tar.gz archives,
// in GBK, GB18030 or UTF-8, one or many articles a file.
//
// It reads as well the JSON forms in which the People's Daily (1946–2003) and the Wenhui
// Bao (文汇报) circulate, one article a file or a line (JSON Lines), told from the tagged
// export by their content and from each other by their keys (docs/JSON-FORMATS.md):
//
//	People's Daily: dates[0] → Date; page_start → Page; the headline lines the text repeats
//	    → Title (the first) and Subtitles; authors → Authors; parts → Body without the
//	    headline lines and a byline line after them; Paper 人民日报.
//	Wenhui Bao: date[0] → Date; page → Page; ytitle/mtitle/ftitle → Kicker/Title/Subtitles;
//	    authors → Authors; column → Column; masthead → PageName; genre → Genres; id, count,
//	    source, region, special_issue → Extra; text → Body without HTML tags and a byline
//	    paragraph; Paper 文汇报.
//
// What the JSON lacks (RW lists, GJ topics, TC genres of the People's Daily, serial and item
// numbers) stays empty. Their oddities (glued titles and author names, HTML, empty texts,
// duplicates at month boundaries) are diagnostics like the tagged export's.
//
// It knows the format and its quirks (see ../shared/FORMAT.md in the development tree and
// the README) and nothing of analysis. Every article carries its provenance (file and line);
// every problem met on the way is a Diagnostic with file, line, kind and message; nothing is
// dropped without being counted.
package corpus

import (
	"fmt"
	"time"
)

// Date is a civil date as printed in the RQ field. The zero Date means "no valid date".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses the archive's YYYYMMDD form (YYYY-MM-DD is accepted too). It rejects
// dates that do not exist in the Gregorian calendar (19621341, 19620230).
func ParseDate(s string) (Date, error) {
	digits := make([]byte, 0, 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == '-' && (len(digits) == 4 || len(digits) == 6):
		default:
			return Date{}, fmt.Errorf("date %q: want YYYYMMDD", s)
		}
	}
	if len(digits) != 8 {
		return Date{}, fmt.Errorf("date %q: want YYYYMMDD", s)
	}
	n := func(b []byte) int {
		v := 0
		for _, c := range b {
			v = v*10 + int(c-'0')
		}
		return v
	}
	d := Date{Year: n(digits[:4]), Month: time.Month(n(digits[4:6])), Day: n(digits[6:])}
	t := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
	if d.Year == 0 || t.Year() != d.Year || t.Month() != d.Month || t.Day() != d.Day {
		return Date{}, fmt.Errorf("date %q does not exist", s)
	}
	return d, nil
}

// IsZero reports whether d is the zero Date (no valid date).
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return sign(d.Year - e.Year)
	case d.Month != e.Month:
		return sign(int(d.Month) - int(e.Month))
	default:
		return sign(d.Day - e.Day)
	}
}

// Time returns d as midnight UTC.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// RWSource says where an article's RW (人物) list came from.
type RWSource string

const (
	// RWNone: the article has no RW entries.
	RWNone RWSource = ""
	// RWFromGJ: the list followed "RW：" in the GJ (关键) field.
	RWFromGJ RWSource = "GJ"
	// RWFromBody: the list was appended to the last line of the body ("…摄RW：江泽民；外访")
	// and has been cut from the body text.
	RWFromBody RWSource = "body"
)

// Field is a tagged field the reader does not know, kept by its tag code and name.
type Field struct {
	Code  string // e.g. "XQ"
	Name  string // e.g. "未知"
	Value string
	Line  int
}

// Article is one article of the archive with every field typed. Text values never contain
// markup: inline tags (〖HH/换行〗, 〖JZ/加重〗 and their broken forms) are removed.
type Article struct {
	Path string // the file, or ARCHIVE!MEMBER for a file inside a .zip or .tar.gz
	Line int    // 1-based line of the article's first line in that file

	// Paper names the newspaper (人民日报 or 文汇报 from the JSON forms; for the tagged
	// export, which does not name it, what Options.TaggedPaper says, else "").
	Paper string

	Serial  int    // ZQ 总期: issue serial number; 0 when missing or not a number
	Date    Date   // RQ 日期; zero when missing or invalid (then DateRaw says what was there)
	DateRaw string // RQ as printed
	Page    int    // BH 版号; 0 when missing or not a number
	Item    int    // TH 条号; 0 when missing or not a number

	Kicker         string   // YT 引题
	Title          string   // BT 标题
	Subtitles      []string // FT 副题, in order (some articles have two)
	Authors        []string // ZZ 作者, split on "/" and 〖HH/换行〗
	AuthorUnit     string   // the "DW：" unit inside ZZ, kept apart from the names
	Classification string   // FL 分类
	Column         string   // LM 栏目
	PageName       string   // BM 版名
	Topics         []string // GJ 关键 before "RW：", split on "/" and "；"
	Genres         []string // TC 体裁, split on "；" and "/", merged genres taken apart

	RW       []string // raw RW entries, in order: names, roles and events mixed, as indexed
	RWSource RWSource // where RW came from

	Body  []string // ZW 正文 paragraphs, indentation and RW tail removed
	Extra []Field  // unknown tags, by name

	// Problems found in this article (a copy of what the reader reported for it).
	Diagnostics []Diagnostic
}

// BodyChars counts the characters (Unicode code points) of the body paragraphs.
func (a *Article) BodyChars() int {
	n := 0
	for _, p := range a.Body {
		n += CountChars(p)
	}
	return n
}

// CountChars counts the code points of s, which must be valid UTF-8 (all text the reader
// returns is: decoding replaces invalid bytes). It equals utf8.RuneCountInString there and
// is several times faster on Chinese text: every byte that is not a continuation byte
// starts a code point.
func CountChars(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

package corpus

import (
	"bytes"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names the character encoding a file was decoded from.
type Encoding string

const (
	EncodingUTF8    Encoding = "UTF-8"
	EncodingUTF8BOM Encoding = "UTF-8 BOM"
	EncodingGB18030 Encoding = "GB18030"  // a superset of GBK and GB2312
	EncodingUTF16LE Encoding = "UTF-16LE" // with its byte-order mark (FF FE)
	EncodingUTF16BE Encoding = "UTF-16BE" // with its byte-order mark (FE FF)
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// gb18030FFFD is U+FFFD encoded in GB18030: a replacement character that was in the file
// already, not one the decoder made.
var gb18030FFFD = []byte{0x84, 0x31, 0xA4, 0x37}

// Decode detects the encoding of data and returns it as UTF-8 text, with the number of
// invalid byte sequences that were replaced by U+FFFD.
//
// Detection, per file: a UTF-16 byte-order mark (FF FE or FE FF, which neither GBK nor
// UTF-8 text can start with) means UTF-16; a UTF-8 byte-order mark means UTF-8; valid UTF-8 means UTF-8; text
// that is UTF-8 but for a few bad sequences (fewer than one per 20 valid multi-byte
// characters) is UTF-8 with those sequences replaced; anything else is GB18030, which
// decodes GBK and GB2312 as well. GBK text almost never forms valid multi-byte UTF-8, so
// the rule does not mistake one for the other on real files.
func Decode(data []byte) (text string, enc Encoding, invalid int) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return decodeUTF16(data)
	}
	if bytes.HasPrefix(data, utf8BOM) {
		t, bad := decodeUTF8(data[len(utf8BOM):])
		return t, EncodingUTF8BOM, bad
	}
	if utf8.Valid(data) {
		return string(data), EncodingUTF8, 0
	}
	if multi, bad := utf8Census(data); bad*20 < multi {
		t, bad := decodeUTF8(data)
		return t, EncodingUTF8, bad
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		// The decoder replaces rather than fails; keep going with what it made.
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	if invalid = bytes.Count(out, []byte("\uFFFD")); invalid > 0 {
		invalid = max(0, invalid-bytes.Count(data, gb18030FFFD))
	}
	// out is ours alone: make it the string without copying.
	return unsafe.String(unsafe.SliceData(out), len(out)), EncodingGB18030, invalid
}

// utf8Census counts the valid multi-byte UTF-8 sequences and the invalid bytes in data.
// It stops early once 32 invalid bytes outnumber the valid sequences by the detection
// ratio: GBK text gets there within its first few lines, so detection costs little.
func utf8Census(data []byte) (multi, bad int) {
	for i := 0; i < len(data); {
		if bad >= 32 && bad*20 >= multi {
			return multi, bad
		}
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(data[i:]) {
			bad++ // a character cut by the end of the data (a truncated copy) counts once
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			multi++
		}
		i += size
	}
	return multi, bad
}

// decodeUTF8 returns data as a string with each invalid byte replaced by U+FFFD.
func decodeUTF8(data []byte) (string, int) {
	if utf8.Valid(data) {
		return string(data), 0
	}
	var b bytes.Buffer
	b.Grow(len(data) + 16)
	bad := 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			bad++
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.String(), bad
}

// decodeUTF16 decodes a file that starts with a UTF-16 byte-order mark. Unpaired
// surrogates and a final odd byte are replaced by U+FFFD and counted.
func decodeUTF16(data []byte) (string, Encoding, int) {
	enc, order := EncodingUTF16LE, unicode.LittleEndian
	if bytes.HasPrefix(data, utf16BEBOM) {
		enc, order = EncodingUTF16BE, unicode.BigEndian
	}
	out, err := unicode.UTF16(order, unicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	had := 0 // U+FFFD written in the file itself
	for i := 2; i+1 < len(data); i += 2 {
		if order == unicode.LittleEndian && data[i] == 0xFD && data[i+1] == 0xFF || order == unicode.BigEndian && data[i] == 0xFF && data[i+1] == 0xFD {
			had++
		}
	}
	invalid := max(0, bytes.Count(out, []byte("\uFFFD"))-had)
	return unsafe.String(unsafe.SliceData(out), len(out)), enc, invalid
}

package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// listSeparator joins the items of a []string cell in CSV and table output.
const listSeparator = "/"

// isNumber reports whether v is one of the integer or float kinds that WriteRow accepts.
func isNumber(v any) bool {
	switch v.(type) {
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return true
	}
	return false
}

// cellText is the text of v in a CSV or table cell. tableFloats picks the fixed
// precision of [formatTableFloat] over the exact form of [appendExactFloat].
func cellText(v any, tableFloats bool) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []string:
		return strings.Join(v, listSeparator), nil
	case bool:
		return strconv.FormatBool(v), nil
	case int:
		return strconv.Itoa(v), nil
	case int8:
		return strconv.FormatInt(int64(v), 10), nil
	case int16:
		return strconv.FormatInt(int64(v), 10), nil
	case int32:
		return strconv.FormatInt(int64(v), 10), nil
	case int64:
		return strconv.FormatInt(v, 10), nil
	case uint:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint8:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint16:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint32:
		return strconv.FormatUint(uint64(v), 10), nil
	case uint64:
		return strconv.FormatUint(v, 10), nil
	case float32:
		if tableFloats {
			return formatTableFloat(float64(v)), nil
		}
		return string(appendTextFloat(nil, float64(v), 32)), nil
	case float64:
		if tableFloats {
			return formatTableFloat(v), nil
		}
		return string(appendTextFloat(nil, v, 64)), nil
	case fmt.Stringer:
		return v.String(), nil
	}
	return "", unsupported(v)
}

// CellText returns the text of v as the terminal table prints it (floats with four
// decimals; see [Writer.WriteRow] for every type), and whether v is a number, which
// tables align right. Other renderings of a table (an HTML or Markdown report) use it
// so that their cells read as baokan's tables do.
func CellText(v any) (text string, number bool, err error) {
	text, err = cellText(v, true)
	return text, isNumber(v), err
}

// unsupported is the error for a cell value of a type WriteRow does not know.
func unsupported(v any) error {
	return fmt.Errorf("unsupported cell type %T", v)
}

// appendTextFloat appends f in its exact form (see [appendExactFloat]), and NaN, Inf
// and -Inf by those names, which Go, Python, pandas and R all read back as floats.
func appendTextFloat(dst []byte, f float64, bits int) []byte {
	switch {
	case math.IsNaN(f):
		return append(dst, "NaN"...)
	case math.IsInf(f, 1):
		return append(dst, "Inf"...)
	case math.IsInf(f, -1):
		return append(dst, "-Inf"...)
	}
	return appendExactFloat(dst, f, bits)
}

// appendExactFloat appends the shortest decimal that parses back to exactly f (a finite
// float of the given bit size). It is plain decimal when 1e-6 <= |f| < 1e21 (and for
// zero), otherwise exponent form with at least one exponent digit: 1e-7, 1.5e+21.
// This is the rule of ECMAScript's Number::toString, which encoding/json follows too,
// so the same value looks the same in CSV, JSON and a browser.
func appendExactFloat(dst []byte, f float64, bits int) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 {
		// A float32 compares at float32 precision, as in encoding/json.
		if bits == 64 && (abs < 1e-6 || abs >= 1e21) ||
			bits == 32 && (float32(abs) < 1e-6 || float32(abs) >= 1e21) {
			format = 'e'
		}
	}
	start := len(dst)
	dst = strconv.AppendFloat(dst, f, format, -1, bits)
	if format == 'e' {
		// strconv writes two exponent digits at least: shorten e-07 to e-7.
		b := dst[start:]
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}

// formatTableFloat formats f for the terminal table: four decimals ("%.4f") when
// 1e-4 <= |f| < 1e15 or f is zero, so a column of floats lines up on the decimal point;
// otherwise three decimals of scientific notation ("%.3e", as 1.235e-08), so tiny
// p-values do not print as 0.0000. NaN, Inf and -Inf print by those names.
func formatTableFloat(f float64) string {
	switch abs := math.Abs(f); {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return string(appendTextFloat(nil, f, 64))
	case abs == 0 || (abs >= 1e-4 && abs < 1e15):
		return strconv.FormatFloat(f, 'f', 4, 64)
	default:
		return strconv.FormatFloat(f, 'e', 3, 64)
	}
}

// appendJSONValue appends v as a JSON value: strings and Stringers as strings,
// []string as an array of strings, integers and finite floats as numbers (floats in
// their exact form, see [appendExactFloat]), NaN, ±Inf and nil as null.
func appendJSONValue(dst []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(dst, "null"...), nil
	case string:
		return appendJSONString(dst, v), nil
	case []string:
		if v == nil {
			return append(dst, "null"...), nil
		}
		dst = append(dst, '[')
		for i, s := range v {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, s)
		}
		return append(dst, ']'), nil
	case bool:
		return strconv.AppendBool(dst, v), nil
	case int:
		return strconv.AppendInt(dst, int64(v), 10), nil
	case int8:
		return strconv.AppendInt(dst, int64(v), 10), nil
	case int16:
		return strconv.AppendInt(dst, int64(v), 10), nil
	case int32:
		return strconv.AppendInt(dst, int64(v), 10), nil
	case int64:
		return strconv.AppendInt(dst, v, 10), nil
	case uint:
		return strconv.AppendUint(dst, uint64(v), 10), nil
	case uint8:
		return strconv.AppendUint(dst, uint64(v), 10), nil
	case uint16:
		return strconv.AppendUint(dst, uint64(v), 10), nil
	case uint32:
		return strconv.AppendUint(dst, uint64(v), 10), nil
	case uint64:
		return strconv.AppendUint(dst, v, 10), nil
	case float32:
		return appendJSONFloat(dst, float64(v), 32), nil
	case float64:
		return appendJSONFloat(dst, v, 64), nil
	case fmt.Stringer:
		return appendJSONString(dst, v.String()), nil
	}
	return dst, unsupported(v)
}

// appendJSONFloat appends f as a JSON number, or null where JSON has no number for it.
func appendJSONFloat(dst []byte, f float64, bits int) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(dst, "null"...)
	}
	return appendExactFloat(dst, f, bits)
}

// hexDigits spells the \u00XX escapes of control characters.
const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string. Chinese and all other non-ASCII text
// stays as UTF-8 (readable in the file); quotes, backslashes and control characters are
// escaped, as are U+2028 and U+2029 (which break JavaScript); invalid UTF-8 becomes
// U+FFFD. Unlike encoding/json it leaves <, > and & alone.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // s[start:i] is pending, to be copied as is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

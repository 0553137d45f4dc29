package report

import (
	"strconv"
	"unicode/utf8"
)

// appendDiagnostic writes a diagnostic object by hand, field for field as
// encoding/json would: the report is written by one goroutine after the
// parallel part, so its cost adds straight to the run's time.
func appendDiagnostic(b []byte, d *jsonDiagnostic) []byte {
	b = append(b, `{"path":`...)
	b = appendString(b, d.Path)
	if d.PathBytes != "" {
		b = append(b, `,"path_bytes":`...)
		b = appendString(b, d.PathBytes)
	}
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(d.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(d.Column), 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, int64(d.EndLine), 10)
	b = append(b, `,"end_column":`...)
	b = strconv.AppendInt(b, int64(d.EndColumn), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(d.Offset), 10)
	b = append(b, `,"end_offset":`...)
	b = strconv.AppendInt(b, int64(d.EndOffset), 10)
	b = append(b, `,"rule":`...)
	b = appendString(b, d.Rule)
	b = append(b, `,"category":`...)
	b = appendString(b, d.Category)
	b = append(b, `,"severity":`...)
	b = appendString(b, d.Severity)
	b = append(b, `,"message":`...)
	b = appendString(b, d.Message)
	if f := d.Fix; f != nil {
		b = append(b, `,"fix":{"applicability":`...)
		b = appendString(b, f.Applicability)
		b = append(b, `,"message":`...)
		b = appendString(b, f.Message)
		b = append(b, `,"edits":[`...)
		for i, e := range f.Edits {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"offset":`...)
			b = strconv.AppendInt(b, int64(e.Offset), 10)
			b = append(b, `,"end_offset":`...)
			b = strconv.AppendInt(b, int64(e.EndOffset), 10)
			b = append(b, `,"new_text":`...)
			b = appendString(b, e.NewText)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString quotes s exactly as encoding/json does with HTML escaping
// off: \" \\ \b \f \n \r \t, other controls as \u00XX, U+2028 and U+2029
// escaped, invalid UTF-8 as \ufffd.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

package lint

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// encodingRule reports files that are not UTF-8. The engine implements it:
// no other rule can read such a file, so it is checked before parsing.
var encodingRule = &Rule{
	ID: "encoding", Category: CategoryCleaning, Severity: SeverityError, Builtin: true, Fixable: FixUnsafe,
	Doc: Doc{
		Title: "A file that is not valid UTF-8",
		Why: "Files exported from older systems arrive as Windows-1252, GB18030 or UTF-16. Web pages, site " +
			"generators and search show them as garbage, and no other check can read them. The finding says " +
			"which encoding the file most likely is and where the first bad byte is.",
		Wrong: "Caf\\xE9 opens on the harbour   (the byte 0xE9 alone, as Windows-1252 writes é)",
		Right: "Café opens on the harbour",
		Fix: "Unsafe: converts the file to UTF-8 from the encoding it most likely is. A file that is mostly UTF-8 " +
			"keeps its UTF-8 and only the stray bytes are read as Windows-1252. A wrong guess would turn text " +
			"into other characters, so a person checks the result.",
	},
}

// encodingProblem describes a file that is not UTF-8 text.
type encodingProblem struct {
	offset int    // first bad byte
	name   string // likely encoding
	fixed  []byte // the text converted to UTF-8, nil when it cannot be
}

func diagnoseEncoding(src []byte) encodingProblem {
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		name := "UTF-16 (little-endian, with a byte order mark)"
		if src[0] == 0xFE {
			dec = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()
			name = "UTF-16 (big-endian, with a byte order mark)"
		}
		out, err := dec.Bytes(src)
		if err != nil {
			out = nil
		}
		return encodingProblem{offset: 0, name: name, fixed: out}
	}
	off := firstInvalid(src)
	multibyte := false
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if w > 1 && r != utf8.RuneError {
			multibyte = true
			break
		}
		i += w
	}
	name := guessEncoding(src)
	if multibyte {
		// Mostly UTF-8 with stray legacy bytes: keep the UTF-8, read each
		// stray byte as Windows-1252.
		return encodingProblem{offset: off, name: "UTF-8 with stray Windows-1252 bytes", fixed: repairStray(src)}
	}
	var enc encoding.Encoding = charmap.Windows1252
	if name == "GB18030 (Chinese)" {
		enc = simplifiedchinese.GB18030
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil || !utf8.Valid(out) {
		out = nil
	}
	return encodingProblem{offset: off, name: name, fixed: out}
}

func firstInvalid(src []byte) int {
	for off := 0; off < len(src); {
		r, w := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && w == 1 {
			return off
		}
		off += w
	}
	return len(src)
}

func repairStray(src []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(src) + 16)
	dec := charmap.Windows1252.NewDecoder()
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			b, err := dec.Bytes(src[i : i+1])
			if err != nil {
				return nil
			}
			out.Write(b)
			i++
			continue
		}
		out.Write(src[i : i+w])
		i += w
	}
	return out.Bytes()
}

// encodingDiagnostic turns a file that failed the UTF-8 check into a
// finding with a summary to print it against.
func encodingDiagnostic(path string, src []byte) (*Summary, Diagnostic) {
	s := &Summary{Path: path, Format: FormatOf(path), Src: src}
	s.indexLines()
	p := diagnoseEncoding(src)
	line := s.Line(p.offset)
	col := 1
	if p.offset < len(src) {
		_, col = s.Position(p.offset)
	}
	msg := fmt.Sprintf("not valid UTF-8: the file looks like %s; convert it to UTF-8", p.name)
	if p.offset > 0 || (len(src) > 0 && src[0] >= 0x80 && src[0] != 0xFF && src[0] != 0xFE) {
		msg = fmt.Sprintf("not valid UTF-8: byte 0x%02X at line %d, column %d; the file looks like %s; convert it to UTF-8", src[p.offset], line, col, p.name)
	}
	if bytes.IndexByte(p.fixed, 0) >= 0 {
		p.fixed = nil // decoding produced NUL bytes: a wrong guess, or not text at all
	}
	d := Diagnostic{Path: path, Rule: encodingRule.ID, Category: encodingRule.Category, Message: msg, Start: p.offset, End: min(p.offset+1, len(src))}
	if p.fixed != nil {
		d.Fix = &Fix{Message: "Convert the file to UTF-8 from " + p.name, Applicability: Unsafe, Edits: []Edit{{Start: 0, End: len(src), NewText: string(p.fixed)}}}
	}
	return s, d
}

package lint

import "fmt"

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
	msg := fmt.Sprintf("not valid UTF-8: the file looks like %s (%s); convert it to UTF-8", p.name, p.confidence)
	if p.offset < len(src) && (p.offset > 0 || src[0] >= 0x80 && src[0] != 0xFF && src[0] != 0xFE) {
		msg = fmt.Sprintf("not valid UTF-8: byte 0x%02X at line %d, column %d; the file looks like %s (%s); convert it to UTF-8", src[p.offset], line, col, p.name, p.confidence)
	}
	d := Diagnostic{Path: path, Rule: encodingRule.ID, Category: encodingRule.Category, Message: msg, Start: p.offset, End: min(p.offset+1, len(src))}
	if p.fixed != nil {
		d.Fix = &Fix{Message: "Convert the file to UTF-8 from " + p.name, Applicability: Unsafe, Edits: []Edit{{Start: 0, End: len(src), NewText: string(p.fixed)}}}
	}
	return s, d
}

package engine

import (
	"fmt"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/read"
)

// encodingDiagnostic turns a file that failed the UTF-8 check into a
// finding with a summary to print it against.
func encodingDiagnostic(path string, src []byte) (*document.Summary, lint.Diagnostic) {
	s := &document.Summary{Path: path, Format: document.FormatOf(path), Src: src}
	s.IndexLines()
	s.ReadHead() // the corpus rules see the file as it is
	p := read.DiagnoseEncoding(src)
	line := s.Line(p.Offset)
	col := 1
	if p.Offset < len(src) {
		_, col = s.Position(p.Offset)
	}
	msg := fmt.Sprintf("not valid UTF-8: the file looks like %s (%s); convert it to UTF-8", p.Name, p.Confidence)
	if p.Offset < len(src) && (p.Offset > 0 || src[0] >= 0x80 && src[0] != 0xFF && src[0] != 0xFE) {
		msg = fmt.Sprintf("not valid UTF-8: byte 0x%02X at line %d, column %d; the file looks like %s (%s); convert it to UTF-8", src[p.Offset], line, col, p.Name, p.Confidence)
	}
	d := lint.Diagnostic{Path: path, Rule: lint.EncodingRule.ID, Category: lint.EncodingRule.Category, Message: msg, Start: p.Offset, End: min(p.Offset+1, len(src))}
	if p.Fixed != nil {
		d.Fix = &lint.Fix{Message: "Convert the file to UTF-8 from " + p.Name, Applicability: lint.Unsafe, Edits: []lint.Edit{{Start: 0, End: len(src), NewText: string(p.Fixed)}}}
	}
	return s, d
}

package lint

import "fmt"

// encodingRule reports files that are not UTF-8. The engine implements it:
// no other rule can read such a file, so it is checked before parsing.
var encodingRule = &Rule{
	ID: "encoding", Category: CategoryCleaning, Severity: SeverityError, Builtin: true, Fixable: FixUnsafe,
	Doc: Doc{
		Title: "A file that is not valid UTF-8",
		Why: "Files exported from older systems arrive as Windows-1252, GB18030, Big5, Shift_JIS, EUC-KR, UTF-16 " +
			"or UTF-32. Web pages, site generators and search show them as garbage, and no other check can read " +
			"them. The finding says which encoding the file most likely is, how sure that guess is, and where " +
			"the first bad byte is. A file whose lines end with CR alone (classic Mac OS) is reported here too.",
		Wrong: "Caf\\xE9 opens on the harbour   (the byte 0xE9 alone, as Windows-1252 writes é)",
		Right: "Café opens on the harbour",
		Fix: "Unsafe, and offered only when one encoding is clearly the right one: the whole file is decoded " +
			"in every candidate encoding and each result is scored by how much it looks like text in the " +
			"languages that encoding serves. When two candidates score alike (Windows-1250 and Windows-1252 " +
			"read a few accented letters equally well) no conversion is offered and the finding names both. " +
			"A file that is mostly UTF-8 keeps its UTF-8 and only the stray bytes are read as Windows-1252.",
	},
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

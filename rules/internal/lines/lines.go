// Package lines holds the line arithmetic that rules deleting or testing
// whole lines share, so that their fixes agree on what a line and a blank
// line are.
package lines

import (
	"sort"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// Trim narrows a span to its non-space bytes.
func Trim(src []byte, sp document.Span) document.Span {
	for sp.Start < sp.End && isSpace(src[sp.Start]) {
		sp.Start++
	}
	for sp.End > sp.Start && isSpace(src[sp.End-1]) {
		sp.End--
	}
	return sp
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// Delete returns the edits that delete line n whole, from its start to
// the next line's start, so CRLF and LF files keep their line endings. When
// deleting the line alone would bring two blank lines together, or leave a
// blank line at the top or bottom of the file, one of them goes too: the
// one after the line, which blank-lines never touches (it deletes the
// later lines of a run, and the first blank after n starts a run), so the
// two fixes do not conflict. same reports lines this rule also deletes: a
// run of them counts as one, and its last line takes care of the blank.
func Delete(doc *document.Document, n int, same func(int) bool) []lint.Edit {
	last := Last(doc)
	p := n - 1
	for p >= 1 && same(p) {
		p--
	}
	beforeEdge := p < 1
	beforeBlank := !beforeEdge && IsBlank(doc, p)
	one := lint.Edit{Start: Start(doc, n), End: Start(doc, n+1)}
	if n < last && same(n+1) {
		return []lint.Edit{one}
	}
	afterEdge := n >= last
	afterBlank := !afterEdge && IsBlank(doc, n+1)
	switch {
	case afterBlank && (beforeBlank || beforeEdge):
		one.End = Start(doc, n+2)
	case afterEdge && beforeBlank:
		blank := lint.Edit{Start: Start(doc, p), End: Start(doc, p+1)}
		if blank.End == one.Start {
			one.Start = blank.Start
			break
		}
		return []lint.Edit{blank, one}
	}
	return []lint.Edit{one}
}

// Last is the number of the last line; a final line break does not
// start another line.
func Last(doc *document.Document) int {
	n := doc.Lines()
	if n > 1 && doc.LineStart(n) == len(doc.Src) {
		n--
	}
	return n
}

// Start returns where line n starts, after a byte order mark on line 1,
// or the end of the text past the last line.
func Start(doc *document.Document, n int) int {
	switch {
	case n > doc.Lines():
		return len(doc.Src)
	case n == 1:
		return doc.BOM()
	}
	return doc.LineStart(n)
}

// Span returns line n without its line ending and, on line 1, without a
// byte order mark.
func Span(doc *document.Document, n int) document.Span {
	sp := doc.LineSpan(n)
	if n == 1 {
		sp.Start = min(sp.End, doc.BOM())
	}
	return sp
}

// IsBlank matches blank-lines: spaces, tabs and odd spaces only.
func IsBlank(doc *document.Document, n int) bool {
	sp := Span(doc, n)
	src := doc.Src
	for i := sp.Start; i < sp.End; {
		if isSpace(src[i]) {
			i++
			continue
		}
		r, w := utf8.DecodeRune(src[i:sp.End])
		if !document.IsOddSpace(r) {
			return false
		}
		i += w
	}
	return true
}

// In returns a membership test for a sorted list of line numbers, the
// `same` argument of Delete for a rule that deletes several lines.
func In(sorted []int) func(int) bool {
	return func(line int) bool {
		i := sort.SearchInts(sorted, line)
		return i < len(sorted) && sorted[i] == line
	}
}

// Package separatorline finds lines of dashes, equals signs, underscores or
// asterisks left in plain-text exports where a page had a rule, and deletes them.
package separatorline

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/lines"
)

// Rule is the separator-line rule.
var Rule = &lint.Rule{
	ID:       "separator-line",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "A line of dashes, equals signs, underscores or asterisks left from the page layout",
		Why: "Exports of web pages turn horizontal rules and title underlines into lines of ---------- or " +
			"__________, sometimes after a bullet. In a plain-text article they are layout debris: publishing " +
			"systems print them as text. In Markdown, ---, *** and ___ are thematic breaks and a line of = or - " +
			"under a heading is its underline, both syntax and never reported; only a paragraph that is nothing " +
			"but a rule of = or of dashes like — is, since Markdown prints it as text. Deliberate marks " +
			"are left alone: a short run of asterisks or tildes (* * *, ***) is a section break, ### ends a press " +
			"release, dashes under a table header (-----  -----) underline its columns, and a rule among lines " +
			"indented like code belongs to program output.",
		Wrong: "Harbor City Museum opens a gallery of tide clocks\n----------\n\nDate:2025-05-06 10:00",
		Right: "Harbor City Museum opens a gallery of tide clocks\n\nDate:2025-05-06 10:00",
		Fix: "Safe: deletes the whole line, line ending included, and one blank line beside it when two would " +
			"otherwise meet, so blank-lines has nothing new to report. The line carries no words.",
	},
	Run: run,
}

// maxDinkus is the longest run of asterisks or tildes read as a section
// break rather than a rule: "* * *", "***", "~~~~~".
const maxDinkus = 5

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	type finding struct {
		line int
		text document.Span
	}
	var found []finding
	switch doc.Format {
	case document.FormatText:
		skipTo := frontMatterEnd(doc)
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind != document.KindSeparator {
				continue
			}
			line := doc.Line(b.Start)
			if line <= skipTo || preformatted(doc, line) || !isRule(src[b.Prose.Start:b.Prose.End], line > 1 && !lines.IsBlank(doc, line-1)) {
				continue
			}
			found = append(found, finding{line, b.Prose})
		}
	case document.FormatMarkdown:
		// Thematic breaks and setext underlines are syntax and never reach
		// here as paragraphs; a paragraph that is only a rule of = or of em
		// dashes is printed as text.
		for i := range doc.Blocks {
			b := &doc.Blocks[i]
			if b.Kind != document.KindParagraph || b.Role != document.RoleBody || bytes.IndexByte(src[b.Start:b.End], '\n') >= 0 {
				continue
			}
			if t := lines.Trim(src, b.Span); t == b.Prose && isRule(src[t.Start:t.End], false) {
				found = append(found, finding{doc.Line(b.Start), t})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	deleted := make([]int, len(found)) // ascending: blocks are in document order
	for i, f := range found {
		deleted[i] = f.line
	}
	same := lines.In(deleted)
	for _, f := range found {
		pass.Report(lint.Diagnostic{
			Start:   f.text.Start,
			End:     f.text.End,
			Message: fmt.Sprintf("separator line \"%s\" left from the page layout; delete it", shorten(src[f.text.Start:f.text.End])),
			Fix: &lint.Fix{
				Message:       "Delete the separator line",
				Applicability: lint.Safe,
				Edits:         lines.Delete(doc, f.line, same),
			},
		})
	}
}

// isRule reports whether a line the parser took for a separator is a rule
// drawn across the page, not a deliberate mark. underText is set when the
// line sits right under a line of text, where runs of dashes split by spaces
// underline a table's columns.
func isRule(text []byte, underText bool) bool {
	var glyph rune
	count, run, runs, longRuns := 0, 0, 0, 0
	endRun := func() {
		if run > 0 {
			runs++
			if run >= 2 {
				longRuns++
			}
		}
		run = 0
	}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRune(text[i:])
		i += w
		switch r {
		case ' ', '\t', '\r':
			endRun()
			continue
		case '-', '=', '_', '*', '~', '—', '–', '─', '━':
		default:
			return false // '#', '·', '•': end marks and dot leaders
		}
		if glyph == 0 {
			glyph = r
		} else if r != glyph {
			return false
		}
		count++
		run++
	}
	endRun()
	switch {
	case count < 3:
		return false
	case (glyph == '*' || glyph == '~') && count <= maxDinkus:
		return false
	case underText && longRuns >= 2:
		return false
	}
	return true
}

// preformatted reports whether line n is indented like code, by a tab or
// four spaces, and so is a line right above or below it: then the rule
// belongs to a block of program output or an indented table, as in
// "\t==================\n\tWARNING: DATA RACE".
func preformatted(doc *document.Document, n int) bool {
	if !codeIndent(doc, n) {
		return false
	}
	return n > 1 && !lines.IsBlank(doc, n-1) && codeIndent(doc, n-1) ||
		n < lines.Last(doc) && !lines.IsBlank(doc, n+1) && codeIndent(doc, n+1)
}

func codeIndent(doc *document.Document, n int) bool {
	sp := lines.Span(doc, n)
	t := doc.Src[sp.Start:sp.End]
	return len(t) > 0 && t[0] == '\t' || len(t) >= 4 && string(t[:4]) == "    "
}

// frontMatterEnd returns the line closing a YAML block at the top of a
// plain-text file ("---" on line 1 and again later), or 0: those dashes
// delimit metadata, even in a file named .txt.
func frontMatterEnd(doc *document.Document) int {
	if !isLine(doc, 1, "---") {
		return 0
	}
	for n := 2; n <= min(lines.Last(doc), 200); n++ {
		if isLine(doc, n, "---") || isLine(doc, n, "...") {
			return n
		}
	}
	return 0
}

func isLine(doc *document.Document, n int, s string) bool {
	sp := lines.Span(doc, n)
	t := doc.Src[sp.Start:sp.End]
	for len(t) > 0 && (t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		t = t[:len(t)-1]
	}
	return string(t) == s
}

// shorten keeps a message short when a separator runs across the page.
func shorten(b []byte) string {
	const keep = 20
	if utf8.RuneCount(b) <= keep {
		return string(b)
	}
	i := 0
	for n := 0; n < keep-1; n++ {
		_, w := utf8.DecodeRune(b[i:])
		i += w
	}
	return string(b[:i]) + "…"
}

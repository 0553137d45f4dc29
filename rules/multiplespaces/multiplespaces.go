// Package multiplespaces finds two or more spaces in a row inside a line
// ("opened.  The gallery"), typewriter habit or editing debris, and keeps one.
package multiplespaces

import (
	"fmt"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the multiple-spaces rule.
var Rule = &lint.Rule{
	ID:       "multiple-spaces",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "Two or more spaces in a row inside a line",
		Why: "Double spaces after a full stop are a typewriter habit, and runs of spaces are left where words were " +
			"deleted; web pages collapse them but feeds, e-mail and search snippets do not, and they break phrase " +
			"search. Ordinary and no-break spaces count alike. Left alone: indentation at the start of a line, " +
			"whitespace at the end of one (trailing-whitespace reports it, and a Markdown hard break is trailing), " +
			"code, runs containing a tab or a thin, hair or ideographic space, the date and credit lines (where " +
			"two spaces separate fields), and columns aligned with spaces across neighbouring lines.",
		Wrong: "The gallery opened on Friday.  Tickets are free.",
		Right: "The gallery opened on Friday. Tickets are free.",
		Fix: "Safe: replaces the run with one space, a no-break space if the run held one, so that a deliberate " +
			"\"10\u00a0km\" keeps its no-break space.",
	},
	Options: []lint.OptionDecl{allowSentenceSpacing},
	Needs:   document.HasLongSpace,
	Run:     run,
}

var allowSentenceSpacing = lint.BoolOption{
	Name: "allow-sentence-spacing", Default: false,
	Doc: "Keep exactly two spaces after a full stop, question or exclamation mark (with any closing quote or " +
		"parenthesis), for archives that follow the typewriter convention throughout.",
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	sentenceSpacing := allowSentenceSpacing.Get(pass)
	for _, b := range pass.Blocks() {
		if b.Role == document.RoleDate || b.Role == document.RoleByline {
			continue // "2025-03-14 09:30  Views: 120", "Text: A. Berg  Photo: J. Olsen": field separators
		}
		cell := b.Kind == document.KindTableCell
		toks := doc.BlockTokens(b)
		if prose.TeX(doc.Src, toks) {
			continue // spacing in TeX math is the author's layout
		}
		for i := 1; i+1 < len(toks); i++ {
			t := toks[i]
			if t.Kind() != document.TokSpace || t.End()-t.Start < 2 {
				continue
			}
			n, keep, ok := count(src[t.Start:t.End()])
			if !ok || n < 2 {
				continue
			}
			if p := toks[i-1]; p.Kind() == document.TokNewline || p.Kind() == document.TokMarkup && p.Is(document.FlagHasSpace) {
				continue // indentation
			}
			if nx := toks[i+1]; nx.Kind() == document.TokNewline || nx.Kind() == document.TokMarkup && (src[nx.Start] == '\n' || src[nx.Start] == '\r') {
				continue // trailing whitespace, or a Markdown hard break
			}
			if src[t.Start-1] == '|' || int(t.End()) < len(src) && src[t.End()] == '|' {
				continue // "| 752 |     10.59% |": the padding of a table row
			}
			if cell && n > 2 {
				continue // "7-8am   (Dec 10)": columns inside a table cell
			}
			if sentenceSpacing && n == 2 && afterSentence(src, toks, i) {
				continue
			}
			if codeLine(doc, int(t.Start)) || aligned(doc, int(t.End())) {
				continue // a column in a table or code set with spaces
			}
			fixMsg := "Replace with one space"
			if keep != " " {
				fixMsg = "Replace with one no-break space"
			}
			prose.Report(pass, lint.Diagnostic{
				Start:   int(t.Start),
				End:     int(t.End()),
				Message: fmt.Sprintf("%d spaces in a row; use one", n),
				Fix: &lint.Fix{
					Message:       fixMsg,
					Applicability: lint.Safe,
					Edits:         []lint.Edit{{Start: int(t.Start), End: int(t.End()), NewText: keep}},
				},
			})
		}
	}
}

// count returns the number of spaces in the run b and the one to keep;
// ok is false when the run holds a tab or a typographic space (thin, hair,
// ideographic), which are layout, not slips.
func count(b []byte) (n int, keep string, ok bool) {
	keep = " "
	for i := 0; i < len(b); {
		if b[i] == ' ' {
			n++
			i++
			continue
		}
		if b[i] == '\t' {
			return 0, "", false
		}
		r, w := utf8.DecodeRune(b[i:])
		if r != 0xA0 {
			return 0, "", false
		}
		if keep == " " {
			keep = "\u00a0"
		}
		n++
		i += w
	}
	return n, keep, true
}

// aligned reports whether the text after a run ending at end starts a
// column: a neighbouring line (the one above or below, past one blank line)
// has a run of two or more spaces ending at the same column.
func aligned(doc *document.Document, end int) bool {
	line := doc.Line(end)
	ls := doc.LineStart(line)
	col := utf8.RuneCount(doc.Src[ls:end])
	for _, dir := range [2]int{-1, 1} {
		for step := 1; step <= 2; step++ {
			n := line + dir*step
			if n < 1 || n > doc.Lines() {
				break
			}
			sp := doc.LineSpan(n)
			if sp.End == sp.Start {
				continue // one blank line between rows is still a table
			}
			if gapEndsAt(doc.Src[sp.Start:sp.End], col) {
				return true
			}
			break
		}
	}
	return false
}

// gapEndsAt reports whether line has a non-space character at rune column
// col (0-based) preceded by two spaces or a tab.
func gapEndsAt(line []byte, col int) bool {
	k := 0
	p1, p2 := 'x', 'x' // the two characters before the current one
	for i := 0; i < len(line); {
		r, w := utf8.DecodeRune(line[i:])
		if k == col {
			return r != ' ' && r != '\t' && (p1 == '\t' || p1 == ' ' && (p2 == ' ' || p2 == '\t'))
		}
		p2, p1 = p1, r
		k++
		i += w
	}
	return false
}

// afterSentence reports whether the space toks[i] follows the end of a
// sentence: a full stop, question or exclamation mark, perhaps inside a
// closing quote or parenthesis.
func afterSentence(src []byte, toks []document.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		t := toks[k]
		if t.Kind() == document.TokMarkup && !t.Is(document.FlagHasSpace) {
			continue // "**Done.**  Next"
		}
		if t.Kind() != document.TokPunct {
			return false
		}
		r, _ := utf8.DecodeRune(src[t.Start:t.End()])
		switch r {
		case '.', '?', '!', '…':
			return true
		case '"', '\'', '”', '’', ')', ']', '»':
			continue
		}
		return false
	}
	return false
}

// codeLine reports whether the line holding off is indented like code: in
// Markdown, a paragraph's continuation lines may hold unfenced code (gofmt
// aligns struct fields with spaces) indented by a tab or four spaces; in a
// plain-text export, only a tab marks it, since list-page exports indent
// every paragraph by four spaces.
func codeLine(doc *document.Document, off int) bool {
	src := doc.Src
	ls := doc.LineStart(doc.Line(off))
	spaces := 0
	for i := ls; i < off; i++ {
		switch src[i] {
		case '\t':
			return true
		case ' ':
			spaces++
			if spaces >= 4 && doc.Format == document.FormatMarkdown {
				return true
			}
			continue
		}
		return false
	}
	return false
}

// Package bulletartifact finds the bullet glyphs and indentation that
// list-page exports leave at line starts, and removes them where no list is.
package bulletartifact

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// Rule is the bullet-artifact rule.
var Rule = &lint.Rule{
	ID:       "bullet-artifact",
	Category: lint.CategoryCleaning,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "A bullet glyph (•, ●, ▪, ·) left at the start of a line of running text",
		Why: "Exports of list pages put a bullet before every block, the title line included, and indent body " +
			"paragraphs by four spaces; pasting from a list page leaves a bullet before a paragraph. Printed, the " +
			"glyphs scatter dots down the article. A plain-text article whose title or section label starts with " +
			"a bullet, on a line of its own, is such an export: every bullet at the title's depth goes, and so " +
			"does the indentation of lines without one (a bullet indented deeper may start a real list and keeps " +
			"its glyph). In other plain-text articles a bullet goes before the date line and before navigation " +
			"lines ([next]:, Previous:). In plain text and in Markdown, a bullet also goes before a lone paragraph: " +
			"no bulleted paragraph or line right before or after it, no colon before it (\"Related:\"), no " +
			"hanging indent under it. Markdown lists (- and *) are syntax and never reported, and neither are " +
			"runs of • lines pasted from a word processor: they are a list that should become a Markdown list, " +
			"not lose its bullets.",
		Wrong: "  • Eastmere Academy names 2025 fellows\n\n  • Date:2025-04-15 11:00\n\n    The academy has named twelve fellows.",
		Right: "Eastmere Academy names 2025 fellows\n\nDate:2025-04-15 11:00\n\nThe academy has named twelve fellows.",
		Fix: "Safe: deletes from the start of the line to the first character of the text: the indentation, the " +
			"glyph and the spaces after it. Words are untouched, and the parser reads the title, date and " +
			"navigation exactly as before.",
	},
	Options: []lint.OptionDecl{indentation},
	Run:     run,
}

var indentation = lint.BoolOption{
	Name: "indentation", Default: true,
	Doc: "In a list-page export, also remove the indentation of lines without a bullet (body paragraphs indented by four spaces).",
}

func run(pass *lint.Pass) {
	doc := pass.Doc
	export, depth := false, 0
	if doc.Format == document.FormatText {
		export, depth = exportDepth(doc)
	}
	dropIndent := export && indentation.Get(pass)
	var lines []line
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if !prose(b) || doc.InVerbatim(b.Start) {
			continue
		}
		meta := doc.Format == document.FormatText && (b.Role == document.RoleDate || b.Role == document.RoleNavigation)
		if !export && !meta {
			lines = loneBullets(doc, bi, lines, func(l line) {
				pass.Report(bulletDiagnostic(doc.Src, l, "before running text, not a list"))
			})
			continue
		}
		where := "left from a list-page export"
		switch {
		case export:
		case b.Role == document.RoleDate:
			where = "before the date line"
		default:
			where = "before a navigation line"
		}
		structural := meta || b.Role == document.RoleTitle || b.Role == document.RoleLabel
		for ls := b.Start; ls <= b.End; {
			l := readLine(doc.Src, ls, b.End)
			switch {
			case l.glyph < l.text && (structural || l.depth < depth+2):
				pass.Report(bulletDiagnostic(doc.Src, l, where))
			case dropIndent && l.start < l.glyph && l.glyph < l.end:
				pass.Report(lint.Diagnostic{
					Start:   l.start,
					End:     l.glyph,
					Message: "indentation left from a list-page export; remove it",
					Fix:     &lint.Fix{Message: "Remove the indentation", Applicability: lint.Safe, Edits: []lint.Edit{{Start: l.start, End: l.glyph}}},
				})
			}
			ls = l.next
		}
	}
}

// prose reports whether a block holds text whose line starts are the
// article's: not a separator (separator-line deletes those whole), code,
// front matter, a list item or a quote, whose markers are syntax.
func prose(b *document.Block) bool {
	switch b.Kind {
	case document.KindParagraph, document.KindHeading:
		return true
	}
	return false
}

// A line is one line of a block: its start, where the indentation ends (a
// bullet glyph starts there if glyph < text), where its text starts, its end
// without the line ending, and the next line's start.
type line struct {
	start, glyph, text, end, next int
	depth                         int  // the indentation's width in characters
	spaced                        bool // the glyph is followed by a space
}

func readLine(src []byte, ls, blockEnd int) line {
	l := line{start: ls, end: blockEnd, next: blockEnd + 1}
	if nl := bytes.IndexByte(src[ls:blockEnd], '\n'); nl >= 0 {
		l.end, l.next = ls+nl, ls+nl+1
	}
	if l.end > ls && src[l.end-1] == '\r' {
		l.end--
	}
	l.glyph, l.depth = skipIndent(src, ls, l.end)
	l.text = l.glyph
	if r, w := utf8.DecodeRune(src[l.glyph:l.end]); l.glyph < l.end && parse.IsBulletGlyph(r) {
		text, width := skipIndent(src, l.glyph+w, l.end)
		if text < l.end { // a glyph alone on its line is no bullet before text
			l.text, l.spaced = text, width > 0
		}
	}
	return l
}

func bulletDiagnostic(src []byte, l line, where string) lint.Diagnostic {
	_, w := utf8.DecodeRune(src[l.glyph:l.end])
	fix := "Remove the bullet"
	if l.glyph > l.start {
		fix = "Remove the bullet and its indentation"
	}
	return lint.Diagnostic{
		Start:   l.glyph,
		End:     l.glyph + w,
		Message: fmt.Sprintf("bullet \"%s\" %s; remove it", src[l.glyph:l.glyph+w], where),
		Fix:     &lint.Fix{Message: fix, Applicability: lint.Safe, Edits: []lint.Edit{{Start: l.start, End: l.text}}},
	}
}

// loneBullets reports the bullets of block bi that cannot belong to a list.
// A block is read as a run of paragraphs, one starting at its first line and
// after every line that ends a sentence or a colon: one export may put a
// paragraph on each line, while a sentence wrapped after "Saturday" may put
// "· Sunday" at the start of the next line. A paragraph's bullet is lone when
// the paragraphs right before and after it in the block carry none, the
// nearest non-blank lines above and below carry none, the line above does
// not end in a colon ("Related:"), and the line below is no hanging indent.
func loneBullets(doc *document.Document, bi int, lines []line, report func(line)) []line {
	src := doc.Src
	b := &doc.Blocks[bi]
	if b.Kind != document.KindParagraph {
		return lines
	}
	lines = lines[:0]
	hasBullet := false
	for ls := b.Start; ls <= b.End; {
		l := readLine(src, ls, b.End)
		hasBullet = hasBullet || l.glyph < l.text
		lines = append(lines, l)
		ls = l.next
	}
	if !hasBullet {
		return lines
	}
	starts := func(i int) bool {
		return i == 0 || endsIn(src, lines[i-1], sentenceEnd+":：") ||
			width(src, lines[i-1]) < maxShortLine || width(src, lines[i]) > minLongLine
	}
	bulleted := func(l line) bool { return l.glyph < l.text }
	for i, l := range lines {
		if !bulleted(l) || !l.spaced || !starts(i) || !visible(doc, b, l) {
			continue
		}
		prev, next := i-1, i+1
		for prev >= 0 && !starts(prev) {
			prev--
		}
		for next < len(lines) && !starts(next) {
			next++
		}
		if prev >= 0 && bulleted(lines[prev]) || next < len(lines) && bulleted(lines[next]) {
			continue // a list of paragraphs
		}
		var above, below line
		hasAbove, hasBelow := i > 0, i+1 < len(lines)
		if hasAbove {
			above = lines[i-1]
		} else if k := prevLineStart(src, b.Start); k >= 0 {
			above, hasAbove = readLine(src, k, lineEnd(src, k)), true
		}
		if hasBelow {
			below = lines[i+1]
			if below.start < below.glyph {
				continue // a hanging indent: a list item wrapped
			}
		} else if k := nextLineStart(src, l.next); k >= 0 {
			below, hasBelow = readLine(src, k, lineEnd(src, k)), true
		}
		if hasAbove && (bulleted(above) || endsIn(src, above, ":：")) || hasBelow && bulleted(below) {
			continue
		}
		report(l)
	}
	return lines
}

// A line narrower than maxShortLine columns ends where its author ended it
// (a caption, a list item), not where a paragraph was wrapped; a line wider
// than minLongLine is a paragraph of its own, wider than wrapped text runs.
const (
	maxShortLine = 40
	minLongLine  = 100
)

// width returns the columns l takes, counting wide East Asian characters as two.
func width(src []byte, l line) int {
	n := 0
	for i := l.start; i < l.end; {
		c := src[i]
		if c < utf8.RuneSelf {
			i++
			n++
			continue
		}
		r, w := utf8.DecodeRune(src[i:l.end])
		i += w
		n++
		if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 || r >= 0xF900 && r <= 0xFAFF || r >= 0xFF00 && r <= 0xFF60) {
			n++
		}
	}
	return n
}

// sentenceEnd holds the characters that end a sentence, closing quotes and
// brackets included.
const sentenceEnd = ".!?。！？…\"”’)）"

// visible reports whether the glyph of l is text a reader sees: in
// Markdown, not inside a code span or markup.
func visible(doc *document.Document, b *document.Block, l line) bool {
	if doc.Format != document.FormatMarkdown {
		return true
	}
	toks := doc.BlockTokens(b)
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= l.glyph })
	return i < len(toks) && int(toks[i].Start) == l.glyph && toks[i].Kind() == document.TokPunct
}

// endsIn reports whether l's text ends in one of the characters of set.
func endsIn(src []byte, l line, set string) bool {
	t := bytes.TrimRight(src[l.text:l.end], " \t")
	if len(t) == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRune(t)
	return strings.ContainsRune(set, r)
}

// prevLineStart returns the start of the last non-blank line before the
// line starting at off, or -1.
func prevLineStart(src []byte, off int) int {
	for end := bytes.LastIndexByte(src[:off], '\n'); end >= 0; {
		start := bytes.LastIndexByte(src[:end], '\n') + 1
		if len(bytes.TrimSpace(src[start:end])) > 0 {
			return start
		}
		end = start - 1
	}
	return -1
}

// nextLineStart returns the start of the first non-blank line from off, or -1.
func nextLineStart(src []byte, off int) int {
	for off < len(src) {
		end := lineEnd(src, off)
		if len(bytes.TrimSpace(src[off:end])) > 0 {
			return off
		}
		off = end + 1
	}
	return -1
}

func lineEnd(src []byte, off int) int {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return off + i
	}
	return len(src)
}

// exportDepth reports whether a plain-text article is a list-page export:
// its title or section label starts with a bullet and stands on its own line
// (a title run together with more bulleted lines may be a list that the
// parser took for a title). depth is the indentation before that bullet.
func exportDepth(doc *document.Document) (bool, int) {
	src := doc.Src
	for i := range doc.Blocks {
		b := &doc.Blocks[i]
		if !b.Bullet || b.Role != document.RoleTitle && b.Role != document.RoleLabel {
			continue
		}
		if b.Role == document.RoleTitle && i+1 < len(doc.Blocks) {
			// A block on the very next line must be one the parser keeps
			// apart from the title: the date, a separator, an image.
			n := &doc.Blocks[i+1]
			adjacent := bytes.Count(src[b.End:n.Start], []byte{'\n'}) == 1
			if adjacent && n.Kind != document.KindSeparator && n.Role != document.RoleDate && n.Role != document.RoleImage {
				return false, 0
			}
		}
		return true, readLine(src, b.Start, b.End).depth
	}
	return false, 0
}

// skipIndent skips spaces from i and returns where they end and their width
// in characters. An ideographic space (U+3000) is not indentation to remove:
// two of them open a paragraph in Chinese typesetting.
func skipIndent(src []byte, i, end int) (int, int) {
	width := 0
	for i < end {
		c := src[i]
		if c == ' ' || c == '\t' {
			i++
			width++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, w := utf8.DecodeRune(src[i:end])
		if r == '\u3000' || !document.IsOddSpace(r) && !document.IsInvisible(r) {
			break
		}
		i += w
		width++
	}
	return i, width
}

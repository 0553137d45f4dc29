// Package terminalpunctuation finds body paragraphs of running prose that
// stop without a full stop, question mark, exclamation mark or ellipsis.
package terminalpunctuation

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/parse"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the terminal-punctuation rule.
var Rule = &lint.Rule{
	ID:       "terminal-punctuation",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityWarning,
	Fixable:  lint.FixUnsafe,
	Doc: lint.Doc{
		Title: "A paragraph of running prose that ends without a full stop",
		Why: "A body paragraph that stops mid-air, without . ! ? or …, usually lost its last words or its full stop " +
			"in editing or export. Only running prose counts: a paragraph of two sentences or more, or of 20 " +
			"words or more. Titles, labels, headings, captions, bylines, dates, navigation, list items, table " +
			"cells, block quotes, verse and address lines, headings set in title case, paragraphs that end in a " +
			"URL, in code, with a colon or with a source after a dash (—Anna Berg) or a page reference, " +
			"paragraphs whose sentence runs on into a quotation, list, code block or image below or goes on after it " +
			"(the next paragraph begins in lower case), and Markdown " +
			"paragraphs whose last line is a link alone or whose finished last sentence is followed only by links, " +
			"lines that each start with a list marker (a list indented inside an MDX component), and a last line " +
			"indented under a line that ends with a colon (a format shown on its own) are left alone.",
		Wrong: "The Museum signed the agreement on Friday. Both sides will open a joint laboratory next year",
		Right: "The Museum signed the agreement on Friday. Both sides will open a joint laboratory next year.",
		Fix: "Unsafe: adds a full stop (。 after Chinese or Japanese text) after the last word and any closing quote " +
			"or bracket; a person should check that no words are missing.",
	},
	Run: run,
}

// minWords makes a one-sentence paragraph running prose.
const minWords = 20

func run(pass *lint.Pass) {
	doc := pass.Doc
	src := doc.Src
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		// Block quotes are left alone: they quote others' words as written.
		if b.Role != document.RoleBody || b.Kind != document.KindParagraph || b.Bullet {
			continue
		}
		toks := doc.BlockTokens(b)
		last := lastVisible(toks)
		if last < 0 {
			continue
		}
		end, cjk, ok := unterminated(src, toks, last)
		if !ok {
			continue
		}
		// Markdown: what follows the last prose is markup, code, HTML or a
		// link destination.
		at := end
		if doc.Format == document.FormatMarkdown {
			var skip bool
			at, skip = tail(src, end, b.End)
			if skip || linkOnlyLastLine(src, b) || hardBreaks(src, b) || bulletLines(src, b) || linksAfterSentence(src, toks, last) || specimenAfterColon(src, b) {
				continue
			}
		} else {
			// A short last line under a finished sentence is a unit of its
			// own: a credit or a note the export ran on without a blank line.
			line := lastLine(toks)
			if line > 0 {
				if bulletLine(src, toks[line:]) {
					continue
				}
				if endsSentence(src, toks[:line]) {
					toks, last = toks[line:], last-line
				} else if !wrappedProse(src, b) {
					continue
				}
			}
		}
		if !runningProse(src, toks, cjk) || !cjk && (attribution(src, toks, last) || citation(src, toks, last) || figures(toks, last)) ||
			leadsIn(src, toks, last) && continuesBelow(doc, bi) || resumesBelow(doc, bi) {
			continue
		}
		stop := "."
		msg := "paragraph ends without terminal punctuation; add a full stop"
		if cjk {
			stop = "。"
			msg = "paragraph ends without terminal punctuation; add 。"
		}
		start := wordStart(toks, last)
		pass.Report(lint.Diagnostic{
			Start:   start,
			End:     at,
			Message: msg,
			Fix: &lint.Fix{
				Message:       "Add a full stop",
				Applicability: lint.Unsafe,
				Edits:         []lint.Edit{{Start: at, End: at, NewText: stop}},
			},
		})
	}
}

// lastVisible returns the index of the block's last token that is text.
func lastVisible(toks []document.Token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		switch toks[i].Kind() {
		case document.TokSpace, document.TokNewline, document.TokInvisible, document.TokMarkup:
			continue
		}
		return i
	}
	return -1
}

// wordStart returns where the finding starts: the last word before the
// closing quotes and brackets.
func wordStart(toks []document.Token, i int) int {
	for j := i; j >= 0; j-- {
		if k := toks[j].Kind(); k == document.TokWord || k == document.TokNumber {
			return int(toks[j].Start)
		}
		if toks[j].Kind() == document.TokSpace || toks[j].Kind() == document.TokNewline {
			break
		}
	}
	return int(toks[i].Start)
}

// unterminated reports whether the block's text ends with a letter or a
// digit, possibly inside closing quotes and brackets, and where it ends. A
// reference after a finished sentence ("… in 2025. [7]", "… fixed.
// ([#279](…))") does not count.
func unterminated(src []byte, toks []document.Token, last int) (end int, cjk, ok bool) {
	for i := last; i >= 0; i-- {
		t := toks[i]
		switch t.Kind() {
		case document.TokWord, document.TokNumber:
			if i > 0 && toks[i-1].End() == t.Start && src[toks[i-1].Start] == '<' && src[t.Start] == '3' {
				return 0, false, false // <3
			}
			if afterSentence(src, toks, i, last) {
				return 0, false, false
			}
			r, _ := utf8.DecodeLastRune(src[t.Start:t.End()])
			return int(toks[last].End()), document.IsCJK(r), true
		case document.TokMarkup, document.TokInvisible:
			continue
		case document.TokPunct:
			if isCloser(src, t) {
				continue
			}
		}
		// terminal punctuation, a colon, a dash, a symbol, a URL, code
		return 0, false, false
	}
	return 0, false, false
}

// afterSentence reports whether the word at toks[i] sits in trailing
// bracket groups or links that follow terminal punctuation: a footnote
// marker or references after the full stop ("… later. [#183](…) [#234](…)").
func afterSentence(src []byte, toks []document.Token, i, last int) bool {
	for groups := 0; groups < 8; groups++ {
		j := groupOpening(src, toks, i, last)
		if j < 0 {
			return false
		}
		k := j - 1
		for k >= 0 && (toks[k].Kind() == document.TokSpace || toks[k].Kind() == document.TokInvisible) {
			k--
		}
		if k < 0 {
			return false
		}
		t := toks[k]
		if t.Kind() == document.TokMarkup && src[t.Start] == ']' || t.Kind() == document.TokPunct && (src[t.Start] == ')' || src[t.Start] == ']') {
			// another group before this one: a link or a bracket
			w := k - 1
			for w >= 0 && toks[w].Kind() != document.TokWord && toks[w].Kind() != document.TokNumber {
				w--
			}
			if w < 0 {
				return false
			}
			i, last = w, k
			continue
		}
		for ; k >= 0; k-- {
			switch toks[k].Kind() {
			case document.TokSpace, document.TokInvisible:
				continue
			case document.TokPunct:
				if isCloser(src, toks[k]) {
					continue
				}
				c := src[toks[k].Start]
				return c == '.' || c == '!' || c == '?' || c == ':' || prose.IsEllipsis(src, toks[k])
			case document.TokMarkup:
				// "fixed.** [#279](…)": look through emphasis
				if m := src[toks[k].Start:toks[k].End()]; m[0] == '*' || m[0] == '_' {
					continue
				}
			}
			return false
		}
		return false
	}
	return false
}

// groupOpening returns the index of the ( or [ or link markup that opens
// the group holding toks[i] and closed at or before toks[last], or -1 when
// toks[i] is not in a short group.
func groupOpening(src []byte, toks []document.Token, i, last int) int {
	depth := 0
	for j := last; j > i; j-- {
		if toks[j].Kind() == document.TokPunct && (src[toks[j].Start] == ')' || src[toks[j].Start] == ']') {
			depth++
		}
	}
	words := 0
	for j := i; j >= 0; j-- {
		t := toks[j]
		switch t.Kind() {
		case document.TokWord, document.TokNumber:
			words++
			if words > 8 {
				return -1
			}
		case document.TokPunct:
			switch src[t.Start] {
			case ')', ']':
				depth++
			case '(', '[':
				depth--
				if depth <= 0 {
					return j
				}
			}
		case document.TokMarkup:
			m := src[t.Start:t.End()]
			if m[len(m)-1] == '[' {
				if depth > 0 {
					depth--
					continue
				}
				return j
			}
		}
	}
	return -1
}

// tail reads the Markdown source after the last prose byte: emphasis marks
// and link destinations may follow, and an HTML comment; code, raw HTML, an
// image or an autolink there mean the paragraph ends in something that is
// not prose. It returns where a full stop goes.
func tail(src []byte, end, blockEnd int) (at int, skip bool) {
	at = end
	i := end
	for i < blockEnd {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case bytes.HasPrefix(src[i:blockEnd], []byte("<!--")):
			k := bytes.Index(src[i:blockEnd], []byte("-->"))
			if k < 0 {
				return at, true
			}
			i += k + 3
		case c == '`' || c == '<' || c == '!' && i+1 < blockEnd && src[i+1] == '[' || c == '{' || c == '\\':
			return at, true
		case c == ']' || c == '(':
			// a link's end: ](destination "title") or ][ref]
			k := skipLinkEnd(src, i, blockEnd)
			if k < 0 {
				return at, true
			}
			i = k
			at = i
		default:
			i++
			at = i
		}
	}
	return at, false
}

// skipLinkEnd skips "](dest)", "][ref]" or "]" at src[i].
func skipLinkEnd(src []byte, i, end int) int {
	if src[i] == ']' {
		i++
	}
	if i < end && (src[i] == '(' || src[i] == '[') {
		closer := byte(')')
		if src[i] == '[' {
			closer = ']'
		}
		depth := 0
		for ; i < end; i++ {
			switch src[i] {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
				if depth == 0 && src[i] == closer {
					return i + 1
				}
			}
		}
		return -1
	}
	return i
}

// linkOnlyLastLine reports whether the paragraph's last line holds links
// and nothing else ("[Read the full report](https://example.org/report)",
// "[#12] [#14]"), or is a footnote ("[^1]: Counted at the door").
func linkOnlyLastLine(src []byte, b *document.Block) bool {
	ls := bytes.LastIndexByte(src[b.Start:b.End], '\n') + 1 + b.Start
	line := bytes.Trim(src[ls:b.End], " \t\r*_>")
	if len(line) < 3 || line[0] != '[' && line[0] != '<' {
		return false
	}
	if bytes.HasPrefix(line, []byte("[^")) {
		return true
	}
	// Remove [text], (destination) and <autolink> groups; only separators
	// may remain.
	depth := 0
	for _, c := range line {
		switch c {
		case '[', '(', '<':
			depth++
		case ']', ')', '>':
			depth--
		default:
			if depth == 0 && c != ' ' && c != ',' && c != '|' && c != '*' && c != '_' && c != '-' {
				return false
			}
		}
	}
	return depth == 0
}

// bulletLines reports whether every line of a paragraph starts with a list
// marker ("- ", "* ", "+ ", "1. "): a list the Markdown reader could not
// see as one, as in MDX, where a list indented inside a JSX component
// reads as paragraph lines. A list's items need no full stop.
func bulletLines(src []byte, b *document.Block) bool {
	text := src[b.Start:b.End]
	for len(text) > 0 {
		line := text
		if nl := bytes.IndexByte(text, '\n'); nl >= 0 {
			line, text = text[:nl], text[nl+1:]
		} else {
			text = nil
		}
		line = bytes.TrimLeft(line, " \t")
		if len(line) == 0 {
			continue
		}
		n := 0
		for n < len(line) && n < 9 && line[n] >= '0' && line[n] <= '9' {
			n++
		}
		switch {
		case n > 0 && n+1 < len(line) && (line[n] == '.' || line[n] == ')') && line[n+1] == ' ':
		case n == 0 && len(line) > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ':
		default:
			return false
		}
	}
	return true
}

// specimenAfterColon reports whether the paragraph's last line is set
// in further than the line before it, which ends with a colon: a format or
// an example shown on a line of its own ("named as follows:" and, indented,
// "issue-1234-notes"), not a sentence.
func specimenAfterColon(src []byte, b *document.Block) bool {
	text := bytes.TrimRight(src[b.Start:b.End], " \t\r\n")
	nl := bytes.LastIndexByte(text, '\n')
	if nl < 0 {
		return false
	}
	last, before := text[nl+1:], bytes.TrimRight(text[:nl], " \t\r")
	indent := func(l []byte) int { return len(l) - len(bytes.TrimLeft(l, " \t")) }
	prev := before[bytes.LastIndexByte(before, '\n')+1:]
	return len(prev) > 0 && prev[len(prev)-1] == ':' && indent(last) >= indent(prev)+2
}

// linksAfterSentence reports whether the paragraph's text after its last
// terminal mark is links alone, with brackets and separators around them:
// "… for more information. ([Lune](…), [Tessel](…))". The links point
// onward from a finished sentence; they are not one left open.
func linksAfterSentence(src []byte, toks []document.Token, last int) bool {
	inLink, links := false, 0
	for k := last; k >= 0; k-- {
		t := toks[k]
		switch t.Kind() {
		case document.TokSpace, document.TokInvisible, document.TokNewline:
		case document.TokWord, document.TokNumber:
			if !inLink {
				return false
			}
		case document.TokMarkup:
			m := src[t.Start:t.End()]
			switch {
			case m[0] == ']' && len(m) > 1 && (m[1] == '(' || m[1] == '['):
				inLink = true
			case m[len(m)-1] == '[':
				if inLink {
					links++
				}
				inLink = false
			}
		case document.TokPunct:
			if inLink {
				continue
			}
			switch c := src[t.Start]; c {
			case '(', ')', '[', ']', ',', '|', '/', ';':
			case '.', '!', '?':
				return links > 0
			default:
				return false
			}
		default:
			return false
		}
	}
	return false
}

// hardBreaks reports whether a Markdown paragraph breaks its lines on
// purpose (two trailing spaces or a backslash): verse, an address.
func hardBreaks(src []byte, b *document.Block) bool {
	text := src[b.Start:b.End]
	return bytes.Contains(text, []byte("  \n")) || bytes.Contains(text, []byte("\\\n")) ||
		bytes.Contains(text, []byte("  \r\n")) || bytes.Contains(text, []byte("<br"))
}

// lastLine returns the index of the first token of a block's last line,
// or 0 for a block of one line.
func lastLine(toks []document.Token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Kind() == document.TokNewline {
			return i + 1
		}
	}
	return 0
}

// bulletLine reports whether a line starts with a bullet glyph.
func bulletLine(src []byte, toks []document.Token) bool {
	for _, t := range toks {
		switch t.Kind() {
		case document.TokSpace, document.TokInvisible:
			continue
		case document.TokPunct:
			r, _ := utf8.DecodeRune(src[t.Start:t.End()])
			return parse.IsBulletGlyph(r)
		}
		return false
	}
	return false
}

// endsSentence reports whether tokens end with terminal punctuation,
// possibly inside closing quotes and brackets.
func endsSentence(src []byte, toks []document.Token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		switch t.Kind() {
		case document.TokSpace, document.TokNewline, document.TokInvisible:
			continue
		case document.TokPunct:
			if isCloser(src, t) {
				continue
			}
			switch string(src[t.Start:t.End()]) {
			case ".", "!", "?", "…", "。", "！", "？":
				return true
			}
		}
		return false
	}
	return false
}

// wrappedProse reports whether a plain-text block is one line, or lines
// wrapped at a fixed width; short lines in a group are verse, an address,
// a list or a table.
func wrappedProse(src []byte, b *document.Block) bool {
	text := src[b.Prose.Start:b.Prose.End]
	for {
		nl := bytes.IndexByte(text, '\n')
		if nl < 0 {
			return true
		}
		if utf8.RuneCount(text[:nl]) < 60 {
			return false
		}
		text = text[nl+1:]
	}
}

// runningProse reports whether a block has two sentences or more, or 20
// words or more, and is not a heading in title case.
func runningProse(src []byte, toks []document.Token, cjk bool) bool {
	words, lower, sentences := 0, 0, 0
	cjkRunes := 0
	for i, t := range toks {
		switch t.Kind() {
		case document.TokWord:
			if t.Is(document.FlagCJK) {
				cjkRunes += utf8.RuneCount(src[t.Start:t.End()])
				continue
			}
			words++
			if !t.Is(document.FlagUpper) {
				lower++
			}
		case document.TokPunct:
			if sentenceEnd(src, toks, i) {
				sentences++
			}
		}
	}
	if cjk {
		return sentences >= 1 || cjkRunes >= 40
	}
	// Title Case Lines Are Headings, whatever their length.
	if titleCase(src, toks) {
		return false
	}
	return words >= minWords || sentences >= 1 && words >= 6
}

// titleCase reports whether the words of four letters or more nearly all
// start with a capital: a heading set as a paragraph. A sentence full of
// names still has its verbs in lower case.
func titleCase(src []byte, toks []document.Token) bool {
	long, lower := 0, 0
	for _, t := range toks {
		if t.Kind() == document.TokWord && !t.Is(document.FlagCJK) && utf8.RuneCount(src[t.Start:t.End()]) >= 4 && !minorWords[string(src[t.Start:t.End()])] {
			long++
			if !t.Is(document.FlagUpper) {
				lower++
			}
		}
	}
	return lower*8 <= long
}

// minorWords stay in lower case in a title: "Letters from the Harbor".
var minorWords = map[string]bool{
	"from": true, "with": true, "into": true, "upon": true, "over": true, "onto": true, "unto": true, "than": true,
	"that": true, "after": true, "about": true, "under": true, "among": true, "along": true, "until": true,
	"while": true, "within": true, "without": true, "through": true, "between": true, "against": true,
	"toward": true, "towards": true, "when": true, "where": true, "near": true, "past": true, "versus": true,
}

// finalSegment returns the index of the first token of the paragraph's
// last segment: what follows the last sentence end, dash, colon or
// semicolon.
func finalSegment(src []byte, toks []document.Token, last int) int {
	for i := last; i >= 0; i-- {
		t := toks[i]
		if t.Kind() != document.TokPunct {
			continue
		}
		switch c := src[t.Start]; {
		case c == ';' || c == ':' || c == '!' || c == '?':
			return i + 1
		case c == '.' && i+1 < len(toks) && (toks[i+1].Kind() == document.TokSpace || isCloser(src, toks[i+1])) && sentenceEnd(src, toks, i):
			return i + 1
		case isDash(src, t):
			return i + 1
		}
	}
	return 0
}

func isDash(src []byte, t document.Token) bool {
	return t.End()-t.Start == 3 && src[t.Start] == 0xE2 && src[t.Start+1] == 0x80 && (src[t.Start+2] == 0x94 || src[t.Start+2] == 0x95)
}

// attribution reports whether the paragraph ends with a source after a
// dash that follows a finished sentence: “…we paid.” —A. Writer.
func attribution(src []byte, toks []document.Token, last int) bool {
	words := 0
	for i := last; i >= 0; i-- {
		t := toks[i]
		switch t.Kind() {
		case document.TokWord, document.TokNumber:
			words++
			if words > 20 {
				return false
			}
			continue
		case document.TokPunct:
			double := src[t.Start] == '-' && i > 0 && src[toks[i-1].Start] == '-' && toks[i-1].End() == t.Start
			if !double && !isDash(src, t) {
				continue
			}
			if src[t.Start] == '-' {
				i-- // --handle: a signature after two hyphens
			}
		default:
			continue
		}
		for j := i - 1; j >= 0; j-- {
			switch toks[j].Kind() {
			case document.TokSpace, document.TokInvisible, document.TokMarkup:
				continue
			case document.TokPunct:
				if isCloser(src, toks[j]) {
					continue
				}
				c := src[toks[j].Start]
				return c == '.' || c == '!' || c == '?' || prose.IsEllipsis(src, toks[j])
			}
			return false
		}
		return false
	}
	return false
}

// citationAbbreviations mark a bibliographic reference: "vol. ii, p. 141".
var citationAbbreviations = map[string]bool{
	"p": true, "pp": true, "vol": true, "vols": true, "tom": true, "chap": true, "ch": true, "ed": true, "eds": true,
	"bk": true, "lib": true, "cap": true, "sect": true, "art": true, "fol": true, "ff": true, "op": true, "cit": true,
	"ibid": true, "loc": true, "cp": true, "sqq": true, "Vol": true, "Ch": true, "Chap": true, "Ed": true,
}

// citation reports whether the paragraph's last segment is a reference:
// "Lectures, p. 96", "Political Discourses, 1752, vol. i, § 4".
func citation(src []byte, toks []document.Token, last int) bool {
	for i := finalSegment(src, toks, last); i <= last; i++ {
		t := toks[i]
		switch t.Kind() {
		case document.TokWord:
			if i+1 <= last && toks[i+1].Kind() == document.TokPunct && src[toks[i+1].Start] == '.' && citationAbbreviations[string(src[t.Start:t.End()])] {
				return true
			}
		case document.TokPunct:
			if bytes.HasPrefix(src[t.Start:], []byte("§")) {
				return true
			}
		}
	}
	return false
}

// figures reports whether a paragraph ends in a row of numbers, a line of
// a table or an account set as text: "total 12 6".
func figures(toks []document.Token, last int) bool {
	n := 0
	for i := last; i >= 0 && n < 2; i-- {
		switch toks[i].Kind() {
		case document.TokNumber:
			n++
		case document.TokSpace:
		default:
			return false
		}
	}
	return n >= 2
}

// continuesBelow reports whether the sentence runs on into the next block:
// a code block, a list, a table or a quotation set apart, words in lower
// case, or a signature of a few words under a letter.
func continuesBelow(doc *document.Document, bi int) bool {
	for j := bi + 1; j < len(doc.Blocks); j++ {
		n := &doc.Blocks[j]
		switch n.Role {
		case document.RoleByline, document.RoleCaption, document.RoleImage, document.RoleNavigation:
			return false // a credit, a picture or the links close the article's text
		}
		if setApart(n.Kind) {
			return true
		}
		if n.Kind == document.KindHeading || n.Kind == document.KindSeparator {
			return false
		}
		toks := doc.BlockTokens(n)
		if len(toks) == 0 {
			if doc.Format == document.FormatMarkdown && n.Kind == document.KindParagraph {
				return true // an image the sentence introduces
			}
			continue
		}
		words := 0
		for _, t := range toks {
			switch {
			case t.Is(document.FlagCJK):
				words += utf8.RuneCount(doc.Src[t.Start:t.End()]) / 2 // about two characters a word
			case t.Kind() == document.TokWord || t.Kind() == document.TokNumber:
				words++
			}
		}
		if words <= 3 {
			return true
		}
		for _, t := range toks {
			switch t.Kind() {
			case document.TokSpace, document.TokNewline, document.TokInvisible, document.TokMarkup:
				continue
			case document.TokWord:
				return !t.Is(document.FlagUpper) && !t.Is(document.FlagCJK)
			case document.TokPunct:
				c := doc.Src[t.Start]
				return isOpener(doc.Src, t) && c != '(' || prose.IsEllipsis(doc.Src, t) || c == '.' || c == '{' || c == '`'
			}
			return false
		}
		return false
	}
	return false
}

// resumesBelow reports whether the sentence goes on after what is set
// apart below the paragraph (a code block, a list, a table, a quotation,
// raw HTML): the first paragraph after it begins with a word in lower
// case, which only the rest of a sentence does ("Given the value" above
// a code block, "the encoder sends only the 7" below it).
func resumesBelow(doc *document.Document, bi int) bool {
	j := bi + 1
	for j < len(doc.Blocks) && setApart(doc.Blocks[j].Kind) {
		j++
	}
	if j == bi+1 || j == len(doc.Blocks) {
		return false
	}
	n := &doc.Blocks[j]
	if n.Kind != document.KindParagraph || n.Role != document.RoleBody {
		return false
	}
	for _, t := range doc.BlockTokens(n) {
		switch t.Kind() {
		case document.TokSpace, document.TokNewline, document.TokInvisible, document.TokMarkup:
			continue
		case document.TokWord:
			// lower case throughout: not iPhone or eBay, which begin
			// sentences of their own
			return t.Flags()&(document.FlagUpper|document.FlagCJK|document.FlagDigit) == 0 && !hasUpper(doc.Src[t.Start:t.End()])
		}
		return false
	}
	return false
}

// setApart: a block of this kind stands apart from the prose around it,
// which may run on across it.
func setApart(k document.BlockKind) bool {
	switch k {
	case document.KindCode, document.KindHTML, document.KindListItem, document.KindQuote, document.KindTableCell:
		return true
	}
	return false
}

// hasUpper: w holds an upper-case ASCII letter.
func hasUpper(w []byte) bool {
	for _, c := range w {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// sentenceEnd reports whether the punctuation at toks[i] ends a sentence
// inside the block: . ! ? 。 followed, past closing quotes, by a space and a
// capital letter or an opening quote, and not after an abbreviation or an
// initial.
func sentenceEnd(src []byte, toks []document.Token, i int) bool {
	t := toks[i]
	c := src[t.Start]
	switch {
	case c == '.' || c == '!' || c == '?':
	case t.End()-t.Start == 3 && (bytes.Equal(src[t.Start:t.End()], []byte("。")) || bytes.Equal(src[t.Start:t.End()], []byte("！")) || bytes.Equal(src[t.Start:t.End()], []byte("？"))):
		return i+1 < len(toks)
	default:
		return false
	}
	if c == '.' {
		if i == 0 || toks[i-1].Kind() != document.TokWord || toks[i-1].End() != t.Start {
			return false
		}
		w := src[toks[i-1].Start:toks[i-1].End()]
		if len(w) < 2 || !hasLower(w) || abbreviations[string(w)] {
			return false
		}
		if i > 1 && toks[i-2].Kind() == document.TokPunct && src[toks[i-2].Start] == '.' {
			return false // e.g., U.S.
		}
	}
	j := i + 1
	for j < len(toks) && toks[j].Kind() == document.TokPunct && isCloser(src, toks[j]) {
		j++
	}
	if j >= len(toks) || toks[j].Kind() != document.TokSpace {
		return false
	}
	j++
	for j < len(toks) && toks[j].Kind() == document.TokMarkup {
		j++
	}
	if j >= len(toks) {
		return false
	}
	n := toks[j]
	return n.Kind() == document.TokWord && n.Is(document.FlagUpper) || n.Kind() == document.TokPunct && isOpener(src, n)
}

func hasLower(w []byte) bool {
	for _, c := range w {
		if c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func isCloser(src []byte, t document.Token) bool {
	switch string(src[t.Start:t.End()]) {
	case `"`, "'", "”", "’", ")", "]", "）", "］", "」", "』", "】", "»", "›", "*", "_":
		return true
	}
	return false
}

func isOpener(src []byte, t document.Token) bool {
	switch string(src[t.Start:t.End()]) {
	case `"`, "“", "‘", "(", "„", "«", "»":
		return true
	}
	return false
}

// abbreviations end in a full stop that does not end a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true, "Prof": true, "Rev": true,
	"Gen": true, "Col": true, "Capt": true, "Lt": true, "Sgt": true, "Gov": true, "Sen": true, "Rep": true,
	"Inc": true, "Ltd": true, "Co": true, "Corp": true, "No": true, "Nos": true, "vs": true, "etc": true, "Vol": true,
	"vol": true, "pp": true, "Fig": true, "fig": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true, "Mt": true,
	"Ave": true, "Blvd": true, "Dept": true, "Univ": true, "approx": true, "ca": true, "cf": true, "al": true,
	"lb": true, "lbs": true, "oz": true, "ft": true, "yd": true, "yds": true, "mi": true, "hr": true, "hrs": true,
	"min": true, "sec": true, "pt": true, "qt": true, "gal": true, "doz": true, "viz": true, "cwt": true,
	"Esq": true, "Messrs": true, "Mme": true, "Mlle": true, "ed": true, "eds": true, "Ed": true, "ch": true, "Ch": true,
}

// leadInWords end a sentence that goes on in the block below (a list, a
// code block, a quotation set apart, a line of verse). They are closed
// classes of English, each a word after which a sentence cannot stop:
//   - copulas and the verbs that introduce a list: "the rules are", "these include";
//   - presentatives: "as follows", "the following", "for example", "namely", "thus";
//   - verbs of saying, which a quotation completes: "she said", "the sign reads";
//   - verbs whose object is the code or command set below them in technical
//     writing: "now we can simply do", "then run", "you can write";
//   - function words: articles, prepositions, conjunctions and relatives.
var leadInWords = setOf(
	// copulas and list verbs
	"are", "is", "was", "were", "be", "include", "includes", "including", "contain", "contains",
	// presentatives
	"following", "follows", "below", "here", "these", "this", "as", "like", "example", "instance", "namely", "thus",
	// verbs of saying
	"said", "says", "say", "saying", "wrote", "writes", "asked", "replied", "added", "cried", "exclaimed",
	"read", "reads", "answered", "observed", "remarked", "continued", "began", "whispered", "muttered", "shouted",
	// verbs whose object is the code below
	"do", "run", "write", "type", "use", "add", "enter", "try",
	// function words
	"and", "or", "but", "nor", "of", "to", "the", "a", "an", "with", "that", "which", "by", "for", "in", "on",
	"from", "at", "into", "whose", "who", "where", "when", "than", "if",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// leadsIn: the paragraph's last word is one that a sentence continuing
// below ends on. A paragraph that ends on another word is complete, and a
// list, a picture or a quotation after it does not excuse the missing stop.
func leadsIn(src []byte, toks []document.Token, last int) bool {
	for k := last; k >= 0; k-- {
		t := toks[k]
		if t.Kind() != document.TokWord {
			continue
		}
		if t.Is(document.FlagCJK) {
			return true
		}
		return leadInWords[strings.ToLower(string(src[t.Start:t.End()]))]
	}
	return false
}

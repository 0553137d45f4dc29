package corpusgen

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Defect kinds.
const (
	KindDoubledWord        = "doubled-word"        // "the the"
	KindDoubledPunctuation = "doubled-punctuation" // "..", ",,"
	KindSpaceBeforeComma   = "space-before-comma"  // "word ,"
	KindDoubleSpace        = "double-space"        // two spaces between words
	KindNBSPSpace          = "nbsp-space"          // U+00A0 as a word space
	KindZeroWidthSpace     = "zero-width-space"    // U+200B before or inside a word
	KindHTMLEntity         = "html-entity"         // &amp; &nbsp; &quot; left from the HTML
	KindMojibake           = "mojibake"            // UTF-8 read as Windows-1252: â€™, Ã©, Â
	KindFullwidthComma     = "fullwidth-comma"     // U+FF0C in English text
	KindMismatchedQuote    = "mismatched-quote"    // “Title" or "Title”
	KindTrailingSpace      = "trailing-space"      // spaces or a tab at the end of a line
	KindTrailingNBSP       = "trailing-nbsp"       // U+00A0 at the end of a line
	KindBlankLines         = "blank-lines"         // a run of blank lines after a line

	// Kinds planted only on request (Inject, Plant), never by Generate.
	KindSpaceBeforePunctuation = "space-before-punctuation" // "museum ." "said :" "open ?"
	KindMissingSpaceAfter      = "missing-space-after"      // "museum,the" "opened.The"
	KindUnbalancedQuote        = "unbalanced-quote"         // one mark of a quotation removed
	KindUnbalancedBracket      = "unbalanced-bracket"       // one bracket of a pair removed
	KindMixedQuotes            = "mixed-quotes"             // one quotation in the other style: "Night" among “…”
	KindFullwidthPunctuation   = "fullwidth-punctuation"    // U+FF0C, U+FF1A, U+FF1B, U+FF01, U+FF1F in English
	KindEntityChar             = "entity-char"              // a character left as its entity: &rsquo; &eacute; &#8212;
	KindDecomposed             = "decomposed"               // an accented letter in NFD: e + U+0301
	KindMissingTerminal        = "missing-terminal"         // a paragraph's final full stop removed
	KindImageLine              = "image-line"               // an image file name alone on a line after the line
	KindSeparatorLine          = "separator-line"           // a line of dashes, equals signs or underscores after the line
	KindBulletArtifact         = "bullet-artifact"          // a list-page bullet before a paragraph of an ordinary article
)

// An injector plants one defect in a line of prose. Where says what at means: the start of a word
// for most kinds; the line end and line start kinds ignore it.
type injector struct {
	kind  string
	where placement
	plant func(line []byte, at int, r *rand.Rand) (out []byte, start, end int, ok bool)
}

// placement says where an injector works in its line.
type placement uint8

const (
	atWord  placement = iota // on the word starting at at
	atEnd                    // at the end of the line
	atStart                  // at the start of the line
)

// The kinds Generate plants. The order matters for line-end kinds: they are applied in this order,
// blank lines last.
var injectors = []injector{
	{KindDoubledWord, atWord, doubledWord},
	{KindDoubledPunctuation, atWord, doubledPunctuation},
	{KindSpaceBeforeComma, atWord, spaceBeforeComma},
	{KindDoubleSpace, atWord, doubleSpace},
	{KindNBSPSpace, atWord, nbspSpace},
	{KindZeroWidthSpace, atWord, zeroWidthSpace},
	{KindHTMLEntity, atWord, htmlEntity},
	{KindMojibake, atWord, mojibake},
	{KindFullwidthComma, atWord, fullwidthComma},
	{KindMismatchedQuote, atWord, mismatchedQuote},
	{KindTrailingSpace, atEnd, trailingSpace},
	{KindTrailingNBSP, atEnd, trailingNBSP},
	{KindBlankLines, atEnd, blankLines},
}

// The kinds only Inject and Plant know: Generate does not plant them, so that the corpora it
// makes for benchmarks stay what they were. Evaluations plant them one at a time.
var extraInjectors = []injector{
	{KindSpaceBeforePunctuation, atWord, spaceBeforePunctuation},
	{KindMissingSpaceAfter, atWord, missingSpaceAfter},
	{KindUnbalancedQuote, atWord, unbalancedQuote},
	{KindUnbalancedBracket, atWord, unbalancedBracket},
	{KindMixedQuotes, atWord, mixedQuotes},
	{KindFullwidthPunctuation, atWord, fullwidthPunctuation},
	{KindEntityChar, atWord, entityChar},
	{KindDecomposed, atWord, decomposed},
	{KindMissingTerminal, atEnd, missingTerminal},
	{KindImageLine, atEnd, imageLine},
	{KindSeparatorLine, atEnd, separatorLine},
	{KindBulletArtifact, atStart, bulletArtifact},
}

// Kinds returns the defect kinds Generate plants, in a fixed order.
func Kinds() []string {
	out := make([]string, len(injectors))
	for i, in := range injectors {
		out[i] = in.kind
	}
	return out
}

// AllKinds returns every kind Inject and Plant accept: those of Kinds, then the ones planted only
// on request.
func AllKinds() []string {
	out := Kinds()
	for _, in := range extraInjectors {
		out = append(out, in.kind)
	}
	return out
}

// Inject plants one defect of the given kind in line, one line of prose without its line break, and
// returns the new line (line itself is not modified) and the offset in it of the defect's first
// byte: the first byte it inserted or changed, or, for the kinds that take something away (a
// quotation mark, a bracket, a final full stop), the start of the text left wanting. For most kinds
// at must be the start of a word, a non-space byte after a space, and the word runs to the next
// space; the caller keeps at away from URLs and code. The line-end kinds (trailing spaces, trailing
// U+00A0, blank lines, a missing full stop, an image or separator line after the line) and the
// line-start kind (a bullet) ignore at. ok is false, and out is line, when the kind is unknown or
// the word offers no place for it (a comma for a full-width comma).
func Inject(kind string, line []byte, at int, r *rand.Rand) (out []byte, off int, ok bool) {
	out, off, _, ok = Plant(kind, line, at, r)
	return out, off, ok
}

// Plant is Inject that also says how far the defect reaches: out[start:end] is the text a checker
// should point at. It holds what the defect inserted or changed, and for a removed quotation mark
// or bracket, the stretch from the mark left unpaired to where its partner was. start is Inject's
// offset, and end > start.
//
// Kinds that add a line after the line (blank lines, an image file name, a separator line) expect
// the line to be followed by a blank line in the article, so that what they add stands alone.
func Plant(kind string, line []byte, at int, r *rand.Rand) (out []byte, start, end int, ok bool) {
	for _, list := range [][]injector{injectors, extraInjectors} {
		for _, in := range list {
			if in.kind != kind {
				continue
			}
			if in.where == atWord && !wordAt(line, at) {
				return line, 0, 0, false
			}
			out, start, end, ok = in.plant(line, at, r)
			if !ok {
				return line, 0, 0, false
			}
			return out, start, end, true
		}
	}
	return line, 0, 0, false
}

// plantDefects plants defects in the prose line being written, about rate per 1,000 of its words.
func (w *writer) plantDefects() {
	base := w.lineStart
	line := w.buf[base:]
	words := bytes.Count(line, []byte{' '}) + 1
	k := poisson(w.r, float64(words)*w.rate/1000)
	if k == 0 {
		return
	}
	if k > words {
		k = words
	}
	var mid, end []int
	for i := 0; i < k; i++ {
		ki := w.r.IntN(len(injectors))
		if injectors[ki].where == atEnd {
			end = append(end, ki)
		} else {
			mid = append(mid, ki)
		}
	}
	pos := make([]int, len(mid))
	for i := range pos {
		pos[i] = w.r.IntN(len(line))
	}
	slices.Sort(pos)
	slices.Sort(end)

	// Defects are planted left to right, each after the previous one's changes, so that the
	// offsets already recorded stay true.
	resume := 0
	for i, ki := range mid {
		tries := 0
		for at := max(pos[i], resume, 1); at < len(line) && tries < 40; at++ {
			if !wordAt(line, at) {
				continue
			}
			j := tokenEnd(line, at)
			if w.overlapsProtected(at-1, j+1) {
				continue
			}
			tries++
			out, off, _, ok := injectors[ki].plant(line, at, w.r)
			if !ok {
				continue
			}
			delta := len(out) - len(line)
			for p := range w.prot {
				if w.prot[p].start >= off {
					w.prot[p].start += delta
					w.prot[p].end += delta
				}
			}
			line = out
			w.defects = append(w.defects, Defect{Kind: injectors[ki].kind, Offset: base + off})
			resume = off + max(delta, 1) + 1
			break
		}
	}
	for _, ki := range end {
		out, off, _, ok := injectors[ki].plant(line, 0, w.r)
		if ok {
			line = out
			w.defects = append(w.defects, Defect{Kind: injectors[ki].kind, Offset: base + off})
		}
	}
	w.buf = append(w.buf[:base], line...)
}

func (w *writer) overlapsProtected(start, end int) bool {
	for _, p := range w.prot {
		if start < p.end && p.start < end {
			return true
		}
	}
	return false
}

// poisson draws from a Poisson distribution with mean lambda (Knuth's method; lambda is small).
func poisson(r *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	limit := math.Exp(-lambda)
	k := 0
	for p := r.Float64(); p > limit; p *= r.Float64() {
		k++
	}
	return k
}

// wordAt reports whether a word starts at at: a non-space byte after a space.
func wordAt(line []byte, at int) bool {
	return at > 0 && at < len(line) && line[at-1] == ' ' && line[at] != ' ' && line[at] != '\n'
}

// tokenEnd returns the end of the word starting at at: the next space or the end of the line.
func tokenEnd(line []byte, at int) int {
	if j := bytes.IndexByte(line[at:], ' '); j >= 0 {
		return at + j
	}
	return len(line)
}

// replace returns a copy of line with line[pos:pos+n] replaced by s.
func replace(line []byte, pos, n int, s string) []byte {
	out := make([]byte, 0, len(line)-n+len(s))
	out = append(out, line[:pos]...)
	out = append(out, s...)
	return append(out, line[pos+n:]...)
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func allLetters(b []byte) bool {
	for _, c := range b {
		if !isASCIILetter(c) {
			return false
		}
	}
	return len(b) > 0
}

// endsBlank reports whether line already ends with white space, so that a line-end defect would
// merge with another.
func endsBlank(line []byte) bool {
	n := len(line)
	if n == 0 {
		return true
	}
	switch line[n-1] {
	case ' ', '\t', '\n':
		return true
	}
	return bytes.HasSuffix(line, []byte("\u00a0"))
}

// doubledWord repeats the word at at: "the the". The copy is the defect.
func doubledWord(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	word := line[at:j]
	if j >= len(line) || len(word) < 2 || !allLetters(word) ||
		bytes.EqualFold(word, []byte("had")) || bytes.EqualFold(word, []byte("that")) {
		return line, 0, 0, false
	}
	return replace(line, j+1, 0, string(word)+" "), j + 1, j + 1 + len(word), true
}

var abbreviations = []string{"Inc", "Ltd", "Co", "Dr", "Prof", "No", "etc", "St", "Mr", "Ms", "Mrs"}

// doubledPunctuation doubles the punctuation that ends the word at at: "museum..", "students,,".
func doubledPunctuation(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	tok := line[at:j]
	n := len(tok)
	if n < 3 || strings.IndexByte(".,;:!?", tok[n-1]) < 0 || !isAlnum(tok[n-2]) ||
		bytes.IndexByte(tok[:n-1], '.') >= 0 {
		return line, 0, 0, false
	}
	for _, a := range abbreviations {
		if string(tok[:n-1]) == a {
			return line, 0, 0, false
		}
	}
	return replace(line, j, 0, string(tok[n-1:])), j, j + 1, true
}

// commaAfter reports whether the word at at ends with a comma after a letter or digit, and
// returns the comma's offset.
func commaAfter(line []byte, at int) (int, bool) {
	j := tokenEnd(line, at)
	if j-at < 2 || line[j-1] != ',' || !isAlnum(line[j-2]) {
		return 0, false
	}
	return j - 1, true
}

// spaceBeforeComma puts a space between the word at at and its comma: "museum ,".
func spaceBeforeComma(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	c, ok := commaAfter(line, at)
	if !ok {
		return line, 0, 0, false
	}
	return replace(line, c, 0, " "), c, c + 2, true
}

// fullwidthComma replaces the comma after the word at at with U+FF0C, sometimes eating the space.
func fullwidthComma(line []byte, at int, r *rand.Rand) ([]byte, int, int, bool) {
	c, ok := commaAfter(line, at)
	if !ok {
		return line, 0, 0, false
	}
	n := 1
	if c+1 < len(line) && line[c+1] == ' ' && r.IntN(2) == 0 {
		n = 2
	}
	return replace(line, c, n, "，"), c, c + len("，"), true
}

// doubleSpace doubles the space before the word at at.
func doubleSpace(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	if at >= 2 && line[at-2] == ' ' {
		return line, 0, 0, false
	}
	return replace(line, at, 0, " "), at, at + 1, true
}

// nbspSpace makes the space before the word at at a no-break space.
func nbspSpace(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	return replace(line, at-1, 1, "\u00a0"), at - 1, at + 1, true
}

// zeroWidthSpace puts U+200B before the word at at or between two of its letters.
func zeroWidthSpace(line []byte, at int, r *rand.Rand) ([]byte, int, int, bool) {
	letters := 0
	for at+letters < len(line) && isASCIILetter(line[at+letters]) {
		letters++
	}
	pos := at
	if letters >= 2 && r.IntN(2) == 0 {
		pos = at + 1 + r.IntN(letters-1)
	}
	return replace(line, pos, 0, "\u200b"), pos, pos + len("\u200b"), true
}

// htmlEntity leaves an HTML entity: "and" as "&amp;", a straight opening quote as "&quot;", or the
// space before the word as "&nbsp;".
func htmlEntity(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	switch tok := line[at:j]; {
	case string(tok) == "and":
		return replace(line, at, 3, "&amp;"), at, at + len("&amp;"), true
	case tok[0] == '"':
		return replace(line, at, 1, "&quot;"), at, at + len("&quot;"), true
	}
	return replace(line, at-1, 1, "&nbsp;"), at - 1, at - 1 + len("&nbsp;"), true
}

// mojibake spoils a curly quote, a dash or an accented letter in the word at at as UTF-8 decoded
// as Windows-1252 would; a plain word gets "Â" before it, the remains of a no-break space.
func mojibake(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	for i := at; i < j; i++ {
		switch {
		case line[i] == 0xE2 && i+2 < j && line[i+1] == 0x80:
			var s string
			switch line[i+2] {
			case 0x99:
				s = "â€™"
			case 0x9C:
				s = "â€œ"
			case 0x9D:
				s = "â€\u009d"
			case 0x93:
				s = "â€“"
			case 0x94:
				s = "â€”"
			default:
				continue
			}
			return replace(line, i, 3, s), i, i + len(s), true
		case line[i] == 0xC3 && i+1 < len(line) && line[i+1] >= 0xA0 && line[i+1] <= 0xBF:
			return replace(line, i, 2, "Ã"+string([]byte{0xC2, line[i+1]})), i, i + len("Ã") + 2, true
		}
	}
	return replace(line, at-1, 1, "Â "), at - 1, at - 1 + len("Â"), true
}

// mismatchedQuote swaps one quotation mark of the word at at for the other style: “Title".
func mismatchedQuote(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	tok := line[at:j]
	if i := bytes.Index(tok, []byte("”")); i >= 0 {
		return replace(line, at+i, len("”"), `"`), at + i, at + i + 1, true
	}
	if bytes.HasPrefix(tok, []byte("“")) {
		return replace(line, at, len("“"), `"`), at, at + 1, true
	}
	if i := bytes.LastIndexByte(tok, '"'); i > 0 {
		return replace(line, at+i, 1, "”"), at + i, at + i + len("”"), true
	}
	if len(tok) > 1 && tok[0] == '"' {
		return replace(line, at, 1, "“"), at, at + len("“"), true
	}
	return line, 0, 0, false
}

var trailingSpaces = []string{" ", " ", "  ", "   ", "\t"}

// trailingSpace ends the line with spaces or a tab.
func trailingSpace(line []byte, _ int, r *rand.Rand) ([]byte, int, int, bool) {
	if endsBlank(line) {
		return line, 0, 0, false
	}
	out := replace(line, len(line), 0, trailingSpaces[r.IntN(len(trailingSpaces))])
	return out, len(line), len(out), true
}

var trailingNBSPs = []string{"\u00a0", "\u00a0", "\u00a0\u00a0", " \u00a0"}

// trailingNBSP ends the line with no-break spaces, the remains of "&nbsp;" in the HTML.
func trailingNBSP(line []byte, _ int, r *rand.Rand) ([]byte, int, int, bool) {
	if endsBlank(line) {
		return line, 0, 0, false
	}
	out := replace(line, len(line), 0, trailingNBSPs[r.IntN(len(trailingNBSPs))])
	return out, len(line), len(out), true
}

// blankLines follows the line with extra blank lines, where an image was left out.
func blankLines(line []byte, _ int, r *rand.Rand) ([]byte, int, int, bool) {
	if len(line) == 0 || line[len(line)-1] == '\n' {
		return line, 0, 0, false
	}
	s := "\n\n"
	if r.IntN(3) == 0 {
		s = "\n\n\n"
	}
	out := replace(line, len(line), 0, s)
	return out, len(line), len(out), true
}

// markBefore reports whether the word at at ends with one of marks after an ASCII letter or digit,
// is not an abbreviation and has no other full stop ("U.S.", "p.m."), and returns the mark's offset.
func markBefore(line []byte, at int, marks string) (int, bool) {
	j := tokenEnd(line, at)
	tok := line[at:j]
	n := len(tok)
	if n < 3 || strings.IndexByte(marks, tok[n-1]) < 0 || !isAlnum(tok[n-2]) || bytes.IndexByte(tok[:n-1], '.') >= 0 {
		return 0, false
	}
	for _, a := range abbreviations {
		if string(tok[:n-1]) == a {
			return 0, false
		}
	}
	return j - 1, true
}

// spaceBeforePunctuation puts a space between the word at at and the mark that ends it: "museum .",
// "said :".
func spaceBeforePunctuation(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	m, ok := markBefore(line, at, ".,;:!?")
	if !ok {
		return line, 0, 0, false
	}
	return replace(line, m, 0, " "), m, m + 2, true
}

// missingSpaceAfter removes the space after the mark that ends the word at at: "museum,the",
// "opened.The". After a comma, semicolon or colon the next word must start with a letter; after a
// full stop, question or exclamation mark, with a capital, and the word must be letters only, so
// that the result reads as two words run together, not as a number, a file name or a domain.
func missingSpaceAfter(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	m, ok := markBefore(line, at, ".,;:!?")
	if !ok || m+2 >= len(line) || line[m+1] != ' ' || !isASCIILetter(line[m+2]) || !isASCIILetter(line[m-1]) {
		return line, 0, 0, false
	}
	if strings.IndexByte(".!?", line[m]) >= 0 && (!allLetters(line[at:m]) || line[m+2] < 'A' || line[m+2] > 'Z') {
		return line, 0, 0, false
	}
	return replace(line, m+1, 1, ""), m, m + 2, true
}

// quotePair finds the quotation that opens at at, “…” or "…", and returns the offsets and lengths
// of its two marks. A straight pair counts only when it is the only straight double quote pair in
// the line, because straight quotes pair by position and removing one would re-pair the others.
func quotePair(line []byte, at int) (open, openLen, close, closeLen int, ok bool) {
	rest := line[at:]
	switch {
	case bytes.HasPrefix(rest, []byte("“")):
		depth := 0
		for i := at + len("“"); i < len(line); i++ {
			switch {
			case bytes.HasPrefix(line[i:], []byte("“")):
				depth++
			case bytes.HasPrefix(line[i:], []byte("”")):
				if depth == 0 {
					return at, len("“"), i, len("”"), i > at+len("“")
				}
				depth--
			}
		}
	case len(rest) > 1 && rest[0] == '"' && bytes.Count(line, []byte{'"'}) == 2:
		i := at + 1 + bytes.IndexByte(rest[1:], '"')
		return at, 1, i, 1, i > at+1
	}
	return 0, 0, 0, 0, false
}

// bracketPair finds the bracket that opens at at, ( or [, and its partner.
func bracketPair(line []byte, at int) (open, close int, ok bool) {
	var o, c byte
	switch line[at] {
	case '(':
		o, c = '(', ')'
	case '[':
		o, c = '[', ']'
	default:
		return 0, 0, false
	}
	depth := 0
	for i := at + 1; i < len(line); i++ {
		switch line[i] {
		case o:
			depth++
		case c:
			if depth == 0 {
				return at, i, i > at+1
			}
			depth--
		}
	}
	return 0, 0, false
}

// unpair removes one of the two marks at open and close, chosen at random, and returns the new line
// and the stretch from the mark left to where the other was.
func unpair(line []byte, open, openLen, close, closeLen int, r *rand.Rand) ([]byte, int, int, bool) {
	if r.IntN(2) == 0 {
		return replace(line, close, closeLen, ""), open, close, true
	}
	return replace(line, open, openLen, ""), open, close - openLen + closeLen, true
}

// unbalancedQuote removes the opening or the closing mark of the quotation that opens at at.
func unbalancedQuote(line []byte, at int, r *rand.Rand) ([]byte, int, int, bool) {
	open, ol, close, cl, ok := quotePair(line, at)
	if !ok {
		return line, 0, 0, false
	}
	return unpair(line, open, ol, close, cl, r)
}

// unbalancedBracket removes the opening or the closing bracket of the pair that opens at at.
func unbalancedBracket(line []byte, at int, r *rand.Rand) ([]byte, int, int, bool) {
	open, close, ok := bracketPair(line, at)
	if !ok {
		return line, 0, 0, false
	}
	return unpair(line, open, 1, close, 1, r)
}

// mixedQuotes writes the quotation that opens at at in the other style: "Ocean Night" in an
// article of curly quotes, “Ocean Night” in one of straight quotes. The caller makes sure the
// article has other quotations, so that its style is known.
func mixedQuotes(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	open, ol, close, cl, ok := quotePair(line, at)
	if !ok {
		return line, 0, 0, false
	}
	o, c := "“", "”"
	if ol > 1 {
		o, c = `"`, `"`
	}
	out := replace(line, close, cl, c)
	out = replace(out, open, ol, o)
	return out, open, close - ol + len(o) + len(c), true
}

var fullwidth = map[byte]string{',': "，", ';': "；", ':': "：", '!': "！", '?': "？"}

// fullwidthPunctuation replaces the mark that ends the word at at with its full-width form,
// sometimes eating the space after it, as input methods for Chinese do.
func fullwidthPunctuation(line []byte, at int, r *rand.Rand) ([]byte, int, int, bool) {
	m, ok := markBefore(line, at, ",;:!?")
	if !ok {
		return line, 0, 0, false
	}
	n := 1
	if m+2 < len(line) && line[m+1] == ' ' && line[m+2] != ' ' && r.IntN(2) == 0 {
		n = 2
	}
	fw := fullwidth[line[m]]
	return replace(line, m, n, fw), m, m + len(fw), true
}

var entities = map[rune]string{
	'&': "amp", '“': "ldquo", '”': "rdquo", '‘': "lsquo", '’': "rsquo", '—': "mdash", '–': "ndash",
	'…': "hellip", 'é': "eacute", 'è': "egrave", 'á': "aacute", 'í': "iacute", 'ó': "oacute",
	'ú': "uacute", 'ü': "uuml", 'ö': "ouml", 'ä': "auml", 'ë': "euml", 'ê': "ecirc", 'ç': "ccedil",
	'ã': "atilde", 'ø': "oslash", '£': "pound", '€': "euro", '"': "quot",
}

// entityChar writes the first character of the word at at that HTML would escape as its entity,
// mostly named (&rsquo;), sometimes numeric (&#8217;): the leftover of a page exported without
// decoding. A word without such a character offers no place.
func entityChar(line []byte, at int, r *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	for i := at; i < j; {
		c, w := utf8.DecodeRune(line[i:j])
		if name, ok := entities[c]; ok {
			ent := "&" + name + ";"
			if r.IntN(4) == 0 {
				ent = fmt.Sprintf("&#%d;", c)
			}
			return replace(line, i, w, ent), i, i + len(ent), true
		}
		i += w
	}
	return line, 0, 0, false
}

// decomposed writes the first precomposed letter of the word at at in NFD, as a base letter and a
// combining mark: text pasted from macOS file names and some PDFs.
func decomposed(line []byte, at int, _ *rand.Rand) ([]byte, int, int, bool) {
	j := tokenEnd(line, at)
	for i := at; i < j; {
		_, w := utf8.DecodeRune(line[i:j])
		if w > 1 {
			if d := norm.NFD.String(string(line[i : i+w])); d != string(line[i:i+w]) {
				return replace(line, i, w, d), i, i + len(d), true
			}
		}
		i += w
	}
	return line, 0, 0, false
}

// missingTerminal removes the full stop, question or exclamation mark that ends the line when it
// follows a word that is not an abbreviation. The defect is the last word, left without its mark.
func missingTerminal(line []byte, _ int, _ *rand.Rand) ([]byte, int, int, bool) {
	n := len(line)
	if n < 3 || strings.IndexByte(".!?", line[n-1]) < 0 || !isAlnum(line[n-2]) {
		return line, 0, 0, false
	}
	w := bytes.LastIndexByte(line[:n-1], ' ') + 1
	if bytes.IndexByte(line[w:n-1], '.') >= 0 || n-1-w < 2 {
		return line, 0, 0, false
	}
	for _, a := range abbreviations {
		if string(line[w:n-1]) == a {
			return line, 0, 0, false
		}
	}
	return append([]byte(nil), line[:n-1]...), w, n - 1, true
}

// imageLine adds, after the line and a blank line, an image file name alone on its line: what an
// <img> leaves in an export. A line ending in a colon offers no place: there the name may be the
// content ("Download the map:").
func imageLine(line []byte, _ int, r *rand.Rand) ([]byte, int, int, bool) {
	if len(line) == 0 || endsBlank(line) || line[len(line)-1] == ':' {
		return line, 0, 0, false
	}
	var name string
	switch r.IntN(4) {
	case 0:
		name = fmt.Sprintf("photo_%02d.jpg", 1+r.IntN(12))
	case 1:
		name = fmt.Sprintf("IMG_%04d.JPG", 1000+r.IntN(9000))
	case 2:
		name = fmt.Sprintf("DSC_%04d.jpg", r.IntN(10000))
	default:
		name = fmt.Sprintf("image%03d.png", 1+r.IntN(30))
	}
	out := replace(line, len(line), 0, "\n\n"+name)
	return out, len(line) + 2, len(out), true
}

var separatorGlyphs = []byte{'-', '-', '=', '_'}

// separatorLine adds, after the line and a blank line, a line of 10 to 60 dashes, equals signs or
// underscores: a horizontal rule of the page, exported as text.
func separatorLine(line []byte, _ int, r *rand.Rand) ([]byte, int, int, bool) {
	if len(line) == 0 || endsBlank(line) {
		return line, 0, 0, false
	}
	rule := strings.Repeat(string(separatorGlyphs[r.IntN(len(separatorGlyphs))]), 10+r.IntN(51))
	out := replace(line, len(line), 0, "\n\n"+rule)
	return out, len(line) + 2, len(out), true
}

var bulletGlyphs = []string{"•", "•", "●", "▪"}

// bulletArtifact puts a list-page bullet and a space before the line.
func bulletArtifact(line []byte, _ int, r *rand.Rand) ([]byte, int, int, bool) {
	if len(line) == 0 || line[0] == ' ' {
		return line, 0, 0, false
	}
	b := bulletGlyphs[r.IntN(len(bulletGlyphs))]
	return replace(line, 0, 0, b+" "), 0, len(b), true
}

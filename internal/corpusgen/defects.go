package corpusgen

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
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
)

// An injector plants one defect in a line of prose. Those marked atEnd work at the end of the line
// and ignore at; the others work on the word starting at at.
type injector struct {
	kind  string
	atEnd bool
	plant func(line []byte, at int, r *rand.Rand) (out []byte, off int, ok bool)
}

// The order matters for line-end kinds: they are applied in this order, blank lines last.
var injectors = []injector{
	{KindDoubledWord, false, doubledWord},
	{KindDoubledPunctuation, false, doubledPunctuation},
	{KindSpaceBeforeComma, false, spaceBeforeComma},
	{KindDoubleSpace, false, doubleSpace},
	{KindNBSPSpace, false, nbspSpace},
	{KindZeroWidthSpace, false, zeroWidthSpace},
	{KindHTMLEntity, false, htmlEntity},
	{KindMojibake, false, mojibake},
	{KindFullwidthComma, false, fullwidthComma},
	{KindMismatchedQuote, false, mismatchedQuote},
	{KindTrailingSpace, true, trailingSpace},
	{KindTrailingNBSP, true, trailingNBSP},
	{KindBlankLines, true, blankLines},
}

// Kinds returns the defect kinds Generate plants, in a fixed order.
func Kinds() []string {
	out := make([]string, len(injectors))
	for i, in := range injectors {
		out[i] = in.kind
	}
	return out
}

// Inject plants one defect of the given kind in line, one line of prose without its line break, and
// returns the new line (line itself is not modified) and the offset in it of the first byte the
// defect inserted or changed. For most kinds at must be the start of a word, a non-space byte after a
// space, and the word runs to the next space; the caller keeps at away from URLs and code. The
// line-end kinds (trailing spaces, trailing U+00A0, blank lines) ignore at. ok is false, and out is
// line, when the kind is unknown or the word offers no place for it (a comma for a full-width comma).
func Inject(kind string, line []byte, at int, r *rand.Rand) (out []byte, off int, ok bool) {
	for _, in := range injectors {
		if in.kind == kind {
			if !in.atEnd && !wordAt(line, at) {
				return line, 0, false
			}
			out, off, ok = in.plant(line, at, r)
			if !ok {
				return line, 0, false
			}
			return out, off, true
		}
	}
	return line, 0, false
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
		if injectors[ki].atEnd {
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
			out, off, ok := injectors[ki].plant(line, at, w.r)
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
		out, off, ok := injectors[ki].plant(line, 0, w.r)
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

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func allLetters(b []byte) bool {
	for _, c := range b {
		if !isLetter(c) {
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
func doubledWord(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	j := tokenEnd(line, at)
	word := line[at:j]
	if j >= len(line) || len(word) < 2 || !allLetters(word) ||
		bytes.EqualFold(word, []byte("had")) || bytes.EqualFold(word, []byte("that")) {
		return line, 0, false
	}
	return replace(line, j+1, 0, string(word)+" "), j + 1, true
}

var abbreviations = []string{"Inc", "Ltd", "Co", "Dr", "Prof", "No", "etc", "St", "Mr", "Ms", "Mrs"}

// doubledPunctuation doubles the punctuation that ends the word at at: "museum..", "students,,".
func doubledPunctuation(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	j := tokenEnd(line, at)
	tok := line[at:j]
	n := len(tok)
	if n < 3 || strings.IndexByte(".,;:!?", tok[n-1]) < 0 || !isAlnum(tok[n-2]) ||
		bytes.IndexByte(tok[:n-1], '.') >= 0 {
		return line, 0, false
	}
	for _, a := range abbreviations {
		if string(tok[:n-1]) == a {
			return line, 0, false
		}
	}
	return replace(line, j, 0, string(tok[n-1:])), j, true
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
func spaceBeforeComma(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	c, ok := commaAfter(line, at)
	if !ok {
		return line, 0, false
	}
	return replace(line, c, 0, " "), c, true
}

// fullwidthComma replaces the comma after the word at at with U+FF0C, sometimes eating the space.
func fullwidthComma(line []byte, at int, r *rand.Rand) ([]byte, int, bool) {
	c, ok := commaAfter(line, at)
	if !ok {
		return line, 0, false
	}
	n := 1
	if c+1 < len(line) && line[c+1] == ' ' && r.IntN(2) == 0 {
		n = 2
	}
	return replace(line, c, n, "，"), c, true
}

// doubleSpace doubles the space before the word at at.
func doubleSpace(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	if at >= 2 && line[at-2] == ' ' {
		return line, 0, false
	}
	return replace(line, at, 0, " "), at, true
}

// nbspSpace makes the space before the word at at a no-break space.
func nbspSpace(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	return replace(line, at-1, 1, "\u00a0"), at - 1, true
}

// zeroWidthSpace puts U+200B before the word at at or between two of its letters.
func zeroWidthSpace(line []byte, at int, r *rand.Rand) ([]byte, int, bool) {
	letters := 0
	for at+letters < len(line) && isLetter(line[at+letters]) {
		letters++
	}
	pos := at
	if letters >= 2 && r.IntN(2) == 0 {
		pos = at + 1 + r.IntN(letters-1)
	}
	return replace(line, pos, 0, "\u200b"), pos, true
}

// htmlEntity leaves an HTML entity: "and" as "&amp;", a straight opening quote as "&quot;", or the
// space before the word as "&nbsp;".
func htmlEntity(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	j := tokenEnd(line, at)
	switch tok := line[at:j]; {
	case string(tok) == "and":
		return replace(line, at, 3, "&amp;"), at, true
	case tok[0] == '"':
		return replace(line, at, 1, "&quot;"), at, true
	}
	return replace(line, at-1, 1, "&nbsp;"), at - 1, true
}

// mojibake spoils a curly quote, a dash or an accented letter in the word at at as UTF-8 decoded
// as Windows-1252 would; a plain word gets "Â" before it, the remains of a no-break space.
func mojibake(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
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
			return replace(line, i, 3, s), i, true
		case line[i] == 0xC3 && i+1 < len(line) && line[i+1] >= 0xA0 && line[i+1] <= 0xBF:
			return replace(line, i, 2, "Ã"+string([]byte{0xC2, line[i+1]})), i, true
		}
	}
	return replace(line, at-1, 1, "Â "), at - 1, true
}

// mismatchedQuote swaps one quotation mark of the word at at for the other style: “Title".
func mismatchedQuote(line []byte, at int, _ *rand.Rand) ([]byte, int, bool) {
	j := tokenEnd(line, at)
	tok := line[at:j]
	if i := bytes.Index(tok, []byte("”")); i >= 0 {
		return replace(line, at+i, len("”"), `"`), at + i, true
	}
	if bytes.HasPrefix(tok, []byte("“")) {
		return replace(line, at, len("“"), `"`), at, true
	}
	if i := bytes.LastIndexByte(tok, '"'); i > 0 {
		return replace(line, at+i, 1, "”"), at + i, true
	}
	if len(tok) > 1 && tok[0] == '"' {
		return replace(line, at, 1, "“"), at, true
	}
	return line, 0, false
}

var trailingSpaces = []string{" ", " ", "  ", "   ", "\t"}

// trailingSpace ends the line with spaces or a tab.
func trailingSpace(line []byte, _ int, r *rand.Rand) ([]byte, int, bool) {
	if endsBlank(line) {
		return line, 0, false
	}
	return replace(line, len(line), 0, trailingSpaces[r.IntN(len(trailingSpaces))]), len(line), true
}

var trailingNBSPs = []string{"\u00a0", "\u00a0", "\u00a0\u00a0", " \u00a0"}

// trailingNBSP ends the line with no-break spaces, the remains of "&nbsp;" in the HTML.
func trailingNBSP(line []byte, _ int, r *rand.Rand) ([]byte, int, bool) {
	if endsBlank(line) {
		return line, 0, false
	}
	return replace(line, len(line), 0, trailingNBSPs[r.IntN(len(trailingNBSPs))]), len(line), true
}

// blankLines follows the line with extra blank lines, where an image was left out.
func blankLines(line []byte, _ int, r *rand.Rand) ([]byte, int, bool) {
	if len(line) == 0 || line[len(line)-1] == '\n' {
		return line, 0, false
	}
	s := "\n\n"
	if r.IntN(3) == 0 {
		s = "\n\n\n"
	}
	return replace(line, len(line), 0, s), len(line), true
}

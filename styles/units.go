package styles

import (
	"bytes"
	"slices"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/document"
)

// Kinds of text unit, as bits, for matching scopes.
const (
	uPara uint16 = 1 << iota
	uH1
	uH2
	uH3
	uH4
	uH5
	uH6
	uList
	uTHead
	uTCell
	uQuote
	uAlt
	uTitle

	uHeading = uH1 | uH2 | uH3 | uH4 | uH5 | uH6
	uText    = uPara | uHeading | uList | uTHead | uTCell | uQuote
)

// scopeNames are the scopes a rule may name, Vale's words for copydesk's
// blocks. Code, front matter other than the title, and URLs are in none.
var scopeNames = []string{"text", "summary", "heading", "heading.h1", "heading.h2", "heading.h3", "heading.h4", "heading.h5", "heading.h6",
	"paragraph", "list", "table", "table.header", "table.cell", "blockquote", "sentence", "alt", "raw", "title", "markup"}

func scopeBits(name string) uint16 {
	switch name {
	case "text", "summary", "sentence", "raw", "markup":
		return uText
	case "heading":
		return uHeading
	case "paragraph":
		return uPara
	case "list":
		return uList
	case "table":
		return uTHead | uTCell
	case "table.header":
		return uTHead
	case "table.cell":
		return uTCell
	case "blockquote":
		return uQuote
	case "alt":
		return uAlt
	case "title":
		return uTitle
	}
	if lv, ok := strings.CutPrefix(name, "heading.h"); ok && len(lv) == 1 && lv[0] >= '1' && lv[0] <= '6' {
		return uH1 << (lv[0] - '1')
	}
	return 0
}

func knownScope(s string) bool { return slices.Contains(scopeNames, strings.TrimPrefix(s, "~")) }

// scope is what a rule reads: the unit kinds, whether sentence by
// sentence, and whether the raw markup rather than the text.
type scope struct {
	mask     uint16
	sentence bool
	raw      bool
}

func parseScope(names []string) scope {
	var sc scope
	var drop uint16
	for _, n := range names {
		if neg, ok := strings.CutPrefix(n, "~"); ok {
			drop |= scopeBits(neg)
			continue
		}
		sc.mask |= scopeBits(n)
		switch n {
		case "sentence":
			sc.sentence = true
		case "raw", "markup":
			sc.raw = true
		}
	}
	if sc.mask == 0 {
		sc.mask = uText
	}
	sc.mask &^= drop
	return sc
}

// A unit is the text of one block as a reader sees it: markup between
// words removed, code, URLs and other literals replaced by a placeholder
// so that words on either side never join. seg maps its bytes back to the
// source.
type unit struct {
	kind   uint16
	text   []byte
	segs   []seg // nil: text is src[base:base+len(text)]
	base   int
	raw    []byte // the block's source, markup included
	rawPos int
	// labels are spans of text inside link labels, where a fix is unsafe:
	// a link's words are not prose (text offsets).
	labels []document.Span
}

// seg says text[at:] comes from src[src:], up to the next seg.
type seg struct{ at, src int }

// placeholder stands for code, URLs and file names: not a word character,
// not a space, and not punctuation a pattern looks for.
const placeholder = '\x1a'

// offset maps a position in the unit's text to the source.
func (u *unit) offset(i int) int {
	if u.segs == nil {
		return u.base + i
	}
	k := sort.Search(len(u.segs), func(k int) bool { return u.segs[k].at > i }) - 1
	if k < 0 {
		k = 0
	}
	return u.segs[k].src + i - u.segs[k].at
}

// contiguous reports whether text[i:j] is one run of source bytes, so
// that replacing it in the source replaces exactly what was matched.
func (u *unit) contiguous(i, j int) bool {
	if u.segs == nil {
		return true
	}
	k := sort.Search(len(u.segs), func(k int) bool { return u.segs[k].at > i })
	return k >= len(u.segs) || u.segs[k].at >= j
}

func (u *unit) inLabel(i, j int) bool {
	for _, l := range u.labels {
		if i < l.End && j > l.Start {
			return true
		}
	}
	return false
}

// buildUnits turns a document's prose blocks into units.
func buildUnits(doc *document.Document, wantAlt bool) []unit {
	units := make([]unit, 0, len(doc.Blocks))
	// The texts of blocks with markup are written into one buffer a
	// document; when it grows, the units before keep the old one.
	var arena []byte
	var segArena []seg // the units' segment maps, one allocation a document
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if b.Kind == document.KindHTML {
			// The parser gives the block's text nodes as prose blocks of
			// their own; the block itself is markup.
			continue
		}
		kind := blockKind(doc, b)
		if kind == 0 || b.Tok1 <= b.Tok0 {
			continue
		}
		toks := doc.BlockTokens(b)
		plain := true
		for _, t := range toks {
			if t.Kind() == document.TokMarkup || t.Kind() == document.TokGap || t.Kind() == document.TokLiteral {
				plain = false
				break
			}
		}
		first, last := toks[0], toks[len(toks)-1]
		u := unit{kind: kind, raw: doc.Src[b.Start:b.End], rawPos: b.Start}
		if plain {
			u.text, u.base = doc.Src[first.Start:last.End()], int(first.Start)
		} else {
			if arena == nil {
				arena = make([]byte, 0, min(len(doc.Src), 16<<10))
				segArena = make([]seg, 0, 256)
			}
			at := len(arena)
			segs := segArena[len(segArena):]
			open := -1
			run := -1 // start of the pending run of prose bytes
			flush := func(end int32) {
				if run >= 0 {
					segs = append(segs, seg{len(arena) - at, run})
					arena = append(arena, doc.Src[run:end]...)
					run = -1
				}
			}
			for _, t := range toks {
				switch t.Kind() {
				case document.TokMarkup:
					flush(t.Start)
					if t.Is(document.FlagHasSpace) {
						segs = append(segs, seg{len(arena) - at, int(t.Start)})
						arena = append(arena, ' ')
					}
					tb := doc.Src[t.Start:t.End()]
					if bytes.HasSuffix(tb, []byte("[")) {
						open = len(arena) - at
					} else if open >= 0 && bytes.HasPrefix(tb, []byte("]")) {
						u.labels = append(u.labels, document.Span{Start: open, End: len(arena) - at})
						open = -1
					}
				case document.TokGap, document.TokLiteral:
					flush(t.Start)
					segs = append(segs, seg{len(arena) - at, int(t.Start)})
					arena = append(arena, placeholder)
				default:
					if run < 0 {
						run = int(t.Start)
					}
				}
			}
			flush(last.End())
			u.text = arena[at:len(arena):len(arena)]
			u.segs = segs[:len(segs):len(segs)]
			segArena = segs[len(segs):]
		}
		units = append(units, u)
		if wantAlt && doc.Format == document.FormatMarkdown && bytes.Contains(u.raw, []byte("![")) {
			units = appendAlt(units, doc, b)
		}
	}
	return units
}

// appendAlt adds the alt text of the images in a block, ![alt](src):
// cut from the block's prose, it is found in its source where no prose
// token covers it (code spans hold none either, so they are skipped).
func appendAlt(units []unit, doc *document.Document, b *document.Block) []unit {
	toks := doc.BlockTokens(b)
	inProse := func(off int) bool {
		k := sort.Search(len(toks), func(k int) bool { return int(toks[k].End()) > off })
		return k < len(toks) && int(toks[k].Start) <= off && toks[k].Kind() != document.TokGap && toks[k].Kind() != document.TokMarkup
	}
	src := doc.Src[b.Start:b.End]
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("!["))
		if k < 0 {
			return units
		}
		at := i + k + 2
		j := bytes.IndexByte(src[at:], ']')
		if j < 0 {
			return units
		}
		off := b.Start + at
		if j > 0 && !inProse(off-2) && !inCodeSpan(src, at-2) {
			units = append(units, unit{kind: uAlt, text: src[at : at+j], base: off, raw: src[at : at+j], rawPos: off})
		}
		i = at + j
	}
}

// inCodeSpan reports whether position i of a block's source lies inside
// backticks: an odd number of them before it on its line.
func inCodeSpan(src []byte, i int) bool {
	start := bytes.LastIndexByte(src[:i], '\n') + 1
	return bytes.Count(src[start:i], []byte("`"))%2 == 1
}

func blockKind(doc *document.Document, b *document.Block) uint16 {
	switch b.Kind {
	case document.KindParagraph:
		switch b.Role {
		case document.RoleBody, document.RoleCaption, document.RoleByline, document.RoleLabel:
			return uPara
		case document.RoleTitle:
			return uTitle | uH1
		}
		return 0
	case document.KindHeading:
		k := uH1 << (min(max(b.Level, 1), 6) - 1)
		if b.Role == document.RoleTitle {
			k |= uTitle
		}
		return k
	case document.KindListItem:
		return uList
	case document.KindQuote:
		return uQuote
	case document.KindTableCell:
		if tableHeader(doc, b) {
			return uTHead
		}
		return uTCell
	case document.KindField:
		if b.Role == document.RoleTitle {
			return uTitle
		}
	}
	return 0
}

// tableHeader reports whether a table cell sits on the row above the
// delimiter row (| --- | :--: |).
func tableHeader(doc *document.Document, b *document.Block) bool {
	line := doc.Line(b.Prose.Start)
	if line >= doc.Lines() {
		return false
	}
	next := bytes.TrimSpace(doc.Text(doc.LineSpan(line + 1)))
	if len(next) == 0 {
		return false
	}
	dash := false
	for _, c := range next {
		switch c {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

// sentences splits text into sentences: after . ? or ! (and any closing
// quotes or brackets) followed by white space, and at blank lines.
func sentences(text []byte, fn func(start, end int)) {
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' && i+1 < len(text) && text[i+1] == '\n' {
			emit(text, start, i, fn)
			start = i + 1
			continue
		}
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']') {
			j++
		}
		if j < len(text) && text[j] >= 0x80 && bytes.HasPrefix(text[j:], []byte("”")) {
			j += len("”")
		}
		if j == len(text) || text[j] == ' ' || text[j] == '\n' || text[j] == '\t' {
			// "e.g. the" and "Dr. Reyes": a lower-case letter after the
			// space continues the sentence.
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n') {
				k++
			}
			if k < len(text) && text[k] >= 'a' && text[k] <= 'z' {
				continue
			}
			emit(text, start, j, fn)
			start = j
			i = j - 1
		}
	}
	emit(text, start, len(text), fn)
}

func emit(text []byte, start, end int, fn func(start, end int)) {
	for start < end && (text[start] == ' ' || text[start] == '\n' || text[start] == '\t') {
		start++
	}
	if start < end {
		fn(start, end)
	}
}

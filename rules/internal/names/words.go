// Package names holds what the name rules share: the normalisation that
// makes two spellings of a name compare equal, the glossary index
// (a trie over normalised keys, walked from capitalised words), and the
// mining and grouping of name candidates over a corpus.
package names

import (
	"bytes"
	"encoding/binary"
	"iter"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// sep says what stands between a word and the one before it.
type sep uint8

const (
	sepBreak  sep = iota // start of block, sentence punctuation, code, numbers: not one name
	sepSpace             // spaces, a line break, inline markup
	sepHyphen            // High-level
	sepComma             // Science, Technology
	sepAmp               // Science & Technology
)

// A word is one prose word of a block with what precedes it. It is kept
// small: the miners hold every word of a document.
type word struct {
	start, end int32 // source bytes; end excludes a possessive 's
	letters    uint8 // letters in the word, at most 255
	first      byte  // the first byte, A–Z lowered (and others |0x20)
	sep        sep
	flags      wordFlags
}

// wordFlags are a word's facts, one bit each.
type wordFlags uint8

const (
	// The first five are what the archive's matching reads of a word a
	// fact keeps (keptFlags), and take the low bits of its packed byte.
	wUpper      wordFlags = 1 << iota // starts with a capital letter
	wAnd                              // the connector "and"
	wPoss                             // a possessive 's was cut off
	wLower                            // ASCII lowercase letters only
	wHead                             // in a title, heading, caption or label line: title case, not evidence
	wCaps                             // all capitals, two letters or more: an acronym
	wPairFirst                        // lower, five letters or more: may start a lowercase pair
	wPairSecond                       // lower, four letters or more, after a space: may end one
)

// keptFlags are the flags a fact keeps of its words: the matcher reads no
// others.
const keptFlags = wUpper | wAnd | wPoss | wLower | wHead

// packWord appends w, whose predecessor ended at end, packed: its distance
// from end (a signed varint: blocks need not come in source order), its
// length doubled, plus one when it is also its number of letters (a
// varint), its letters unless so, and a byte of its kept flags with its
// separator above them. A word of letters only takes 3 bytes so, where it
// takes 12; every document's kept words live until the archive is checked.
func packWord(dst []byte, end int32, w word) []byte {
	if d := w.start - end; d >= 0 && d < 64 {
		dst = append(dst, byte(d)<<1) // the varint of d, zigzagged, in one byte
	} else {
		dst = binary.AppendVarint(dst, int64(d))
	}
	n := uint64(w.end - w.start)
	same := n == uint64(w.letters)
	if same {
		n = n<<1 | 1
	} else {
		n <<= 1
	}
	if n < 0x80 {
		dst = append(dst, byte(n))
	} else {
		dst = binary.AppendUvarint(dst, n)
	}
	if !same {
		dst = append(dst, w.letters)
	}
	return append(dst, byte(w.flags&keptFlags)|byte(w.sep)<<5)
}

// unpackWords appends the n packed words of b to dst. A word comes back
// as it was but for its first byte and the flags not kept.
func unpackWords(dst []word, b string, n int) []word {
	k := len(dst)
	dst = slices.Grow(dst, n)[:k+n]
	var end int32
	i := 0
	for j := k; j < len(dst); j++ {
		dst[j], i = unpackWord(b, i, end)
		end = dst[j].end
	}
	return dst
}

// packedWords yields the n packed words of b as unpackWords returns them,
// for a reader that goes through them once: no array of a long
// document's words.
func packedWords(b string, n int) iter.Seq[word] {
	return func(yield func(word) bool) {
		var end int32
		i := 0
		for range n {
			var w word
			w, i = unpackWord(b, i, end)
			end = w.end
			if !yield(w) {
				return
			}
		}
	}
}

// unpackWord reads the packed word at b[i:], whose predecessor ended at
// end, and returns it with where the next one starts.
func unpackWord(b string, i int, end int32) (word, int) {
	// most words: a distance below 64 and a length below 128, a byte each
	var d, size int32
	if c := b[i]; c < 0x80 {
		d = int32(c>>1) ^ -int32(c&1)
		i++
	} else {
		u, w := uvarint(b, i)
		d = int32(u>>1) ^ -int32(u&1)
		i += w
	}
	var n uint64
	if c := b[i]; c < 0x80 {
		n = uint64(c)
		i++
	} else {
		u, w := uvarint(b, i)
		n = u
		i += w
	}
	size = int32(n >> 1)
	letters := uint8(size)
	if n&1 == 0 {
		letters = b[i]
		i++
	}
	start := end + d
	f := b[i]
	return word{start: start, end: start + size, letters: letters, flags: wordFlags(f) & keptFlags, sep: sep(f >> 5)}, i + 1
}

// uvarint reads the varint at b[i:] and returns it with its length.
func uvarint(b string, i int) (uint64, int) {
	var x uint64
	for k, s := 0, uint(0); ; k, s = k+1, s+7 {
		c := b[i+k]
		if c < 0x80 {
			return x | uint64(c)<<s, k + 1
		}
		x |= uint64(c&0x7f) << s
	}
}

func (w word) upper() bool { return w.flags&wUpper != 0 }
func (w word) caps() bool  { return w.flags&wCaps != 0 }
func (w word) and() bool   { return w.flags&wAnd != 0 }
func (w word) poss() bool  { return w.flags&wPoss != 0 }
func (w word) lower() bool { return w.flags&wLower != 0 }
func (w word) head() bool  { return w.flags&wHead != 0 }

// headLine: the block is a title, heading, caption or label, written in
// title case, where a capitalised word next to a name says nothing.
func headLine(b *document.Block) bool {
	return b.Kind == document.KindHeading || b.Role == document.RoleTitle || b.Role == document.RoleCaption || b.Role == document.RoleLabel
}

// Words are the prose words of one document, block by block: both name
// rules read them (name-consistency mines them, name-variant matches them
// against the glossary), and DocWords holds them once a document for
// both. They are read one block at a time, again for each pass that needs
// them, into one buffer: a long document's words (12 bytes each, one for
// every six bytes of text) were the second largest thing it kept while
// its rules ran. They hold offsets into the document's source, never its
// tokens.
type Words struct {
	doc    *document.Document
	blocks []wordRange // the blocks read, in order
	n      int         // word tokens in those blocks: at most that many words
	buf    []word      // the words of the block read last
	piece  int         // the words a piece holds before it may end; 0: chunkWords
	pool   *sync.Pool  // where DocWords got it from; nil for NewWords'
}

// A wordRange is one block whose words are read, with what the rules ask
// of it. Words carry no wHead: each rule marks headlines its way.
type wordRange struct {
	block int32 // index in the document's blocks
	nav   bool  // a navigation line: mined, never matched
	field bool  // a front matter field shown as text (title, description)
	head  bool  // headLine: a title, heading, caption or label
	body  bool  // body text: short forms are looked for here
}

// minable: the block's words are read for names. Code, raw HTML, front
// matter, separators, image lines and dates are not prose.
func minable(b *document.Block) bool {
	switch b.Kind {
	case document.KindCode, document.KindHTML, document.KindFrontMatter, document.KindSeparator:
		return false
	}
	return b.Role != document.RoleImage && b.Role != document.RoleDate
}

// DocWords are the words of a document, an input the name rules share: a
// rule that lists it in Requires reads them with DocWords.Of(pass), built
// the first time a rule of the document asks (Collect included), and
// released when the document is done.
var DocWords = &lint.Input[*Words]{
	Name: "name words",
	Build: func(pass *lint.Pass) *Words {
		pool := wordsPool.Get(pass)
		w := pool.Get().(*Words)
		w.pool = pool
		return w.read(pass.Doc)
	},
	Release: (*Words).Release,
}

// wordsPool keeps the block lists and buffers between documents, for the
// engine's life, as DocScratch's pool does.
var wordsPool = lint.NewProjectValue("name words pool", func(*lint.Project) *sync.Pool {
	return &sync.Pool{New: func() any { return new(Words) }}
})

// NewWords returns the words of doc, to be read block by block with
// block, in memory of their own.
func NewWords(doc *document.Document) *Words { return new(Words).read(doc) }

// read makes w the words of doc.
func (w *Words) read(doc *document.Document) *Words {
	w.doc = doc
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if !minable(b) {
			continue
		}
		w.n += wordTokens(doc.BlockTokens(b))
		r := wordRange{block: int32(bi), nav: b.Role == document.RoleNavigation, field: b.Kind == document.KindField, head: headLine(b)}
		r.body = !r.nav && !r.field && (b.Role == document.RoleBody || b.Role == document.RoleCaption)
		w.blocks = append(w.blocks, r)
	}
	return w
}

// chunkWords is about the most words a piece of a block holds: a long
// block (a one-line file is one block) is read in pieces, so that the
// buffer does not grow with the text.
const chunkWords = 1 << 15

// A pieceEnd says what follows a piece of a block: more words (more),
// and whether the first of them is capitalised (nextUpper), which
// keepWords reads of the word after its last.
type pieceEnd struct{ more, nextUpper bool }

// pieces yields the words of w.blocks[i] in pieces of about chunkWords
// words or fewer, each with what follows it, in w's buffer, which the
// next piece reuses: a caller is done with one piece before it reads the
// next. A piece ends only where the scan starts afresh (after a full stop,
// a number, a literal) and the next word token is a word whose capital is
// known from its token: the word after the piece starts a run of its own
// (sepBreak), so no name, pair or short form spans two pieces. A block
// without such a place is one piece, however long.
//
// Words with digits break names (3D, 2025) and count as breaks. Most
// tokens are plain ASCII words, spaces and marks: scanFast takes them in a
// loop that calls nothing, so that the compiler keeps its state in
// registers, and stops at any other token, which scanToken takes, with the
// same rules, before the fast loop goes on.
func (w *Words) pieces(i int) iter.Seq2[[]word, pieceEnd] {
	return func(yield func([]word, pieceEnd) bool) {
		toks := w.doc.BlockTokens(&w.doc.Blocks[w.blocks[i].block])
		src := w.doc.Src
		full := w.piece
		if full <= 0 {
			full = chunkWords
		}
		pending, started := sepBreak, false
		for t := 0; ; {
			buf := w.buf[:0]
			end := pieceEnd{}
			for t < len(toks) {
				// full tokens at a time, then, once the piece is full, one
				// at a time until a place to end it
				n := full
				if len(buf) >= full {
					n = 1
				}
				win := toks[:min(len(toks), t+n)]
				// scanFast writes without checking for room: room for a
				// word a word token
				if need := wordTokens(win[t:]); cap(buf)-len(buf) < need {
					buf = slices.Grow(buf, max(need, full/2))
				}
				for t < len(win) {
					buf, t, pending, started = scanFast(buf, src, win, t, pending, started)
					if t < len(win) {
						buf, t, pending, started = scanToken(buf, src, win, t, pending, started)
					}
				}
				if len(buf) >= full && pending == sepBreak && !started {
					if upper, ok := nextWord(toks, t); ok {
						end = pieceEnd{more: true, nextUpper: upper}
						break
					}
				}
			}
			w.buf = buf
			if !yield(buf, end) || !end.more {
				return
			}
		}
	}
}

// nextWord reports whether the next word token from t on is sure to be
// read as a word (no digit, no CJK, no apostrophe that may make it a
// contraction), and whether it is capitalised.
func nextWord(toks []document.Token, t int) (upper, ok bool) {
	for ; t < len(toks); t++ {
		if toks[t].Kind() == document.TokWord {
			f := toks[t].Flags()
			return f&document.FlagUpper != 0, f&(document.FlagDigit|document.FlagCJK|document.FlagApostrophe) == 0
		}
	}
	return false, false
}

// Release hands the words' memory back to the pool they came from (DocWords)
// for another document; w must not be used after.
func (w *Words) Release() {
	if w == nil || w.pool == nil {
		return
	}
	pool := w.pool
	if cap(w.buf) > 1<<16 || cap(w.blocks) > 1<<16 {
		*w = Words{} // do not keep a huge document's buffers for ever
	}
	w.doc, w.n, w.piece, w.buf, w.blocks, w.pool = nil, 0, 0, w.buf[:0], w.blocks[:0], nil
	pool.Put(w)
}

// wordTokens counts the word tokens of toks: at most one word each.
func wordTokens(toks []document.Token) int {
	n := 0
	for i := range toks {
		if toks[i].Kind() == document.TokWord {
			n++
		}
	}
	return n
}

// scanFast scans toks from i while they are spaces, marks, and ASCII
// words of sixteen bytes at most, without apostrophes; it returns where it
// stopped. pending is what stands before the next word; started: a word
// of the block's current run was seen.
func scanFast(dst []word, src []byte, toks []document.Token, i int, pending sep, started bool) ([]word, int, sep, bool) {
	for ; i < len(toks); i++ {
		t := &toks[i]
		switch t.Kind() {
		case document.TokWord:
			if t.Flags()&(document.FlagDigit|document.FlagCJK) != 0 {
				pending, started = sepBreak, false
				continue
			}
			// The word's bytes are read as two machine words (the bytes past
			// it masked off), so the source must go on for sixteen bytes.
			start, n := int(t.Start), int(t.End()-t.Start)
			if t.Flags()&(document.FlagApostrophe|document.FlagNonASCII) != 0 || n <= 0 || n > 16 || start+16 > len(src) {
				return dst, i, pending, started
			}
			x := binary.LittleEndian.Uint64(src[start : start+8])
			var letters, upper int
			if n > 8 {
				y := binary.LittleEndian.Uint64(src[start+8:start+16]) & (^uint64(0) >> (128 - 8*n))
				letters, upper = count2(x, y)
			} else {
				x &= ^uint64(0) >> (64 - 8*n)
				letters, upper = count2(x, 0)
			}
			if !started {
				pending = sepBreak
			}
			// flagsOf, written out: a call would make the compiler spill
			// the loop's state. Capitals are never lower case, and all
			// capitals need a capital first.
			var f wordFlags
			if t.Is(document.FlagUpper) {
				f |= wUpper
				if letters >= 2 && upper == letters {
					f |= wCaps
				}
			} else if upper == 0 && letters == n {
				f |= wLower
				if n == 3 && x == andLower {
					f |= wAnd
				}
				if letters >= 5 {
					f |= wPairFirst
				}
				if letters >= 4 && pending == sepSpace {
					f |= wPairSecond
				}
			}
			if n == 3 && (x == andTitle || x == andCaps) {
				f |= wAnd
			}
			k := len(dst)
			dst = dst[:k+1]
			// field by field: a word built on the stack and copied stalls
			// the copy's wide load behind its narrow stores
			w := &dst[k]
			w.start, w.end = t.Start, t.End()
			w.letters, w.first, w.sep, w.flags = uint8(letters), byte(x)|0x20, pending, f
			pending, started = sepBreak, true
			// A word is mostly followed by a space and another word: take
			// the space here.
			if i+1 < len(toks) && toks[i+1].Kind() == document.TokSpace {
				if t.End() > 0 {
					pending = sepSpace
				}
				i++
			}
		case document.TokSpace, document.TokNewline, document.TokInvisible:
			if started && pending == sepBreak && len(dst) > 0 && dst[len(dst)-1].end > 0 {
				pending = sepSpace
			}
		case document.TokPunct:
			if started && !titleStop(src, dst, t) {
				pending, started = punctSep(src[t.Start:t.End()], pending)
			}
		case document.TokMarkup:
			return dst, i, pending, started
		default:
			pending, started = sepBreak, false
		}
	}
	return dst, i, pending, started
}

// titleStop reports whether t is the full stop of a title written before
// a name ("St. Michel", "Mr. Ellis", "Dr. Okafor"): it ends no sentence, so
// the capital after it is the name's, not a sentence's.
func titleStop(src []byte, dst []word, t *document.Token) bool {
	if t.End()-t.Start != 1 || src[t.Start] != '.' || len(dst) == 0 {
		return false
	}
	w := dst[len(dst)-1]
	return w.end == t.Start && w.flags&wUpper != 0 && w.end-w.start <= 6 && titleAbbrevs[string(src[w.start:w.end])]
}

// titleAbbrevs are the abbreviated titles written before a name.
var titleAbbrevs = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Messrs": true, "Dr": true, "Prof": true, "St": true,
	"Mt": true, "Rev": true, "Revd": true, "Hon": true, "Gen": true, "Col": true, "Capt": true, "Cmdr": true, "Lt": true,
	"Sgt": true, "Adm": true, "Gov": true, "Sen": true, "Rep": true, "Fr": true, "Mme": true, "Mlle": true}

// punctSep returns what a mark makes of the separator after a word.
func punctSep(p []byte, pending sep) (sep, bool) {
	switch {
	case pending != sepSpace && pending != sepBreak:
		return sepBreak, false // two punctuation marks: not one name
	case string(p) == "-" || string(p) == "‐":
		if pending == sepSpace {
			// A hyphen with a space before it is a dash between two
			// things ("Astro - SSR on Node.js"), not one joining a name.
			return sepBreak, false
		}
		return sepHyphen, true
	case string(p) == ",":
		return sepComma, true
	case string(p) == "&":
		return sepAmp, true
	}
	return sepBreak, false
}

// "and" as three bytes of a machine word, little-endian.
const (
	andLower = 'a' | 'n'<<8 | 'd'<<16
	andTitle = 'A' | 'n'<<8 | 'd'<<16
	andCaps  = 'A' | 'N'<<8 | 'D'<<16
)

// isAnd: the word is the connector "and".
func isAnd(text []byte) bool {
	return len(text) == 3 && (string(text) == "and" || string(text) == "And" || string(text) == "AND")
}

// flagsOf returns the flags of a word (a possessive cut off) with its
// letters and capitals.
func flagsOf(capital, poss, and bool, letters, upper int, lower bool, sep sep) wordFlags {
	var f wordFlags
	if capital {
		f |= wUpper
	}
	if letters >= 2 && upper == letters {
		f |= wCaps
	}
	if and {
		f |= wAnd
	}
	if poss {
		f |= wPoss
	}
	if lower {
		f |= wLower
		if letters >= 5 {
			f |= wPairFirst
		}
		if letters >= 4 && sep == sepSpace {
			f |= wPairSecond
		}
	}
	return f
}

// scanToken takes the one token at i, of any kind, and returns where to go
// on.
func scanToken(dst []word, src []byte, toks []document.Token, i int, pending sep, started bool) ([]word, int, sep, bool) {
	t := &toks[i]
	i++
	switch t.Kind() {
	case document.TokWord:
	case document.TokSpace, document.TokNewline, document.TokInvisible:
		if started && pending == sepBreak && len(dst) > 0 && dst[len(dst)-1].end > 0 {
			pending = sepSpace
		}
		return dst, i, pending, started
	case document.TokPunct:
		if started && !titleStop(src, dst, t) {
			pending, started = punctSep(src[t.Start:t.End()], pending)
		}
		return dst, i, pending, started
	case document.TokMarkup:
		if t.Is(document.FlagHasSpace) || bytes.ContainsAny(src[t.Start:t.End()], "[]()") {
			pending, started = sepBreak, false // a link's brackets or a quote's line break
		}
		return dst, i, pending, started
	default:
		return dst, i, sepBreak, false
	}
	if t.Flags()&(document.FlagDigit|document.FlagCJK) != 0 {
		return dst, i, sepBreak, false
	}
	text := src[t.Start:t.End()]
	poss := false
	if t.Is(document.FlagApostrophe) { // the only words with an 's or a contraction
		if n := possessive(text); n > 0 {
			text = text[:len(text)-n]
			poss = true
		} else if contraction(text) {
			return dst, i, sepBreak, false // I’m, don't: not part of a name
		}
	}
	var letters, upper int
	var lower bool
	if !t.Is(document.FlagNonASCII) {
		letters, upper = countASCII(text)
		lower = upper == 0 && letters == len(text)
	} else {
		for _, r := range string(text) {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		lower = asciiLower(text)
	}
	if !started {
		pending = sepBreak
	}
	f := flagsOf(t.Is(document.FlagUpper), poss, isAnd(text), letters, upper, lower, pending)
	end := t.Start + int32(len(text))
	dst = append(dst, word{start: t.Start, end: end, letters: uint8(min(letters, 255)), first: text[0] | 0x20, sep: pending, flags: f})
	pending, started = sepBreak, true
	if i < len(toks) && toks[i].Kind() == document.TokSpace {
		if end > 0 {
			pending = sepSpace
		}
		i++
	}
	return dst, i, pending, started
}

// countTops counts the bytes of v whose top bit is set, the only bits set:
// one multiplication adds them up in the top byte. Unlike
// bits.OnesCount64 it never calls a function (without POPCNT), which would
// make the compiler spill the scanning loop's state.
func countTops(v uint64) int {
	return int((v >> 7) * 0x0101010101010101 >> 56)
}

// count2 counts the letters and capitals in the ASCII bytes of x and y,
// any bytes past the text zero.
func count2(x, y uint64) (letters, upper int) {
	lx, ly := x|0x2020202020202020, y|0x2020202020202020
	l := (lx+0x1f1f1f1f1f1f1f1f)&^(lx+0x0505050505050505)&0x8080808080808080>>7 +
		(ly+0x1f1f1f1f1f1f1f1f)&^(ly+0x0505050505050505)&0x8080808080808080>>7
	u := (x+0x3f3f3f3f3f3f3f3f)&^(x+0x2525252525252525)&0x8080808080808080>>7 +
		(y+0x3f3f3f3f3f3f3f3f)&^(y+0x2525252525252525)&0x8080808080808080>>7
	return int(l * 0x0101010101010101 >> 56), int(u * 0x0101010101010101 >> 56)
}

// countASCII returns the letters and the capitals in ASCII text.
func countASCII(text []byte) (letters, upper int) {
	if n := len(text); n > 0 && n <= 8 && cap(text) >= 8 {
		// Most words: eight bytes at once (those past the word masked
		// off). A byte's top bit is set in l+0x1f from 'a' up and in
		// l+0x05 from '{' up, in x+0x3f from 'A' up and in x+0x25 from
		// '[' up; ASCII bytes carry into no neighbour.
		mask := ^uint64(0) >> (64 - 8*n)
		x := binary.LittleEndian.Uint64(text[:8]) & mask
		l := x | 0x2020202020202020
		top := 0x8080808080808080 & mask
		letters = countTops((l + 0x1f1f1f1f1f1f1f1f) &^ (l + 0x0505050505050505) & top)
		upper = countTops((x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & top)
		return letters, upper
	}
	var n uint64
	for _, c := range text {
		n += letterCounts[c]
	}
	return int(uint32(n)), int(n >> 32)
}

// letterCounts adds 1 for an ASCII letter and 1<<32 more for a capital.
var letterCounts = func() (t [256]uint64) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = 1, 1|1<<32
	}
	return t
}()

// possessive returns the length of a trailing 's or ’s.
func possessive(b []byte) int {
	n := len(b)
	if n > 3 && (b[n-1] == 's' || b[n-1] == 'S') {
		if b[n-2] == '\'' {
			return 2
		}
		if n > 5 && string(b[n-4:n-1]) == "’" {
			return 4
		}
	}
	return 0
}

// contractionEnds end contractions, in lower and upper case.
var contractionEnds = func() []string {
	var out []string
	for _, suf := range []string{"'m", "’m", "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "n't", "n’t"} {
		out = append(out, suf, strings.ToUpper(suf))
	}
	return out
}()

// contraction: I’m, don't, we’ll; not O'Brien.
func contraction(b []byte) bool {
	for _, suf := range contractionEnds {
		if bytes.HasSuffix(b, []byte(suf)) {
			return true
		}
	}
	return false
}

// appendKey appends the normalised form of a word: lower case, singular.
func appendKey(dst []byte, w []byte) []byte {
	start := len(dst)
	if n := len(w); n > 0 && n <= 8 && cap(w) >= 8 {
		// Most words: eight bytes lowered at once (the top bit of
		// x+0x3f&^(x+0x25) marks A–Z, shifted down to 0x20), when they are
		// ASCII without an apostrophe.
		mask := ^uint64(0) >> (64 - 8*n)
		x := binary.LittleEndian.Uint64(w[:8]) & mask
		q := x ^ 0x2727272727272727 // a zero byte where w has an apostrophe
		if x&0x8080808080808080 == 0 && (q-0x0101010101010101)&^q&0x8080808080808080&mask == 0 {
			x |= (x + 0x3f3f3f3f3f3f3f3f) &^ (x + 0x2525252525252525) & 0x8080808080808080 & mask >> 2
			dst = binary.LittleEndian.AppendUint64(dst, x)[:start+n]
			return plural(dst, start, w)
		}
	}
	ascii := true
	for _, c := range w {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for _, c := range w {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '\'' {
				continue
			}
			dst = append(dst, c)
		}
	} else {
		for _, r := range strings.ToLower(string(w)) {
			if r == '’' || r == '\'' {
				continue
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return plural(dst, start, w)
}

// plural cuts the plural ending of the key dst[start:] of w.
func plural(dst []byte, start int, w []byte) []byte {
	if len(w) == 0 || w[len(w)-1] != 's' {
		return dst // HTTPS is not the plural of HTTP
	}
	word := dst[start:]
	if n := len(word); n > 4 && string(word[n-3:]) == "ies" {
		return append(dst[:start+n-3], 'y') // technologies → technology
	}
	return dst[:start+singularLen(word)]
}

// singularLen returns the length of the singular of a lower-case word:
// sciences → science, technologies → technology (y is restored by the
// caller through ies→i: both sides are cut the same way), researches →
// research, councils → council; glass, campus, analysis stay.
func singularLen(w []byte) int {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return n
	}
	s := string(w)
	switch {
	case strings.HasSuffix(s, "ies"):
		return n - 2 // the caller turns ies into y
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"), strings.HasSuffix(s, "xes"), strings.HasSuffix(s, "zes"):
		return n - 2
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "is"), strings.HasSuffix(s, "'s"):
		return n
	}
	return n - 1
}

// stopWords start sentences but never names; a leading one is dropped from
// a mined phrase ("In Lakeside", "The Museum").
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "for": true, "of": true, "and": true,
	"this": true, "that": true, "these": true, "those": true, "after": true, "before": true, "when": true,
	"while": true, "with": true, "from": true, "to": true, "by": true, "as": true, "but": true, "or": true,
	"if": true, "it": true, "its": true, "we": true, "our": true, "he": true, "she": true, "they": true,
	"his": true, "her": true, "their": true, "i": true, "you": true, "your": true, "all": true, "some": true,
	"during": true, "since": true, "until": true, "today": true, "yesterday": true, "last": true, "next": true,
	"every": true, "each": true, "both": true, "under": true, "over": true, "about": true, "through": true,
	"there": true, "here": true, "what": true, "how": true, "why": true, "where": true, "who": true, "is": true,
	"was": true, "are": true, "were": true, "be": true, "not": true, "no": true, "yes": true, "so": true,
	"also": true, "now": true, "then": true, "more": true, "most": true, "many": true, "one": true, "two": true,
	"new": true, "dear": true, "mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "professor": true,
	"director": true, "president": true, "minister": true, "according": true, "meanwhile": true, "however": true,
	"although": true, "because": true, "once": true, "other": true, "such": true, "among": true, "like": true,
	"please": true, "thanks": true, "my": true, "thank": true, "see": true, "read": true, "visit": true, "join": true,
}

// connectors join the words of a proper-noun phrase.
var connectors = map[string]bool{"of": true, "and": true, "for": true, "the": true, "de": true, "du": true, "la": true, "van": true, "von": true, "der": true, "on": true, "in": true, "at": true}

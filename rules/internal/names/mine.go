package names

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/copydesk/copydesk/document"

	"github.com/copydesk/copydesk/lint"
)

// PhraseKind says where a mined phrase comes from.
type PhraseKind uint8

// Mined phrase kinds.
const (
	KindProper PhraseKind = iota // capitalised words: Harbor City Museum of Science and Technology
	KindLower                    // a frequent lowercase pair: research centres
	KindMeta                     // a front matter field that holds a name: team = "the compiler team"
)

// maxSpans bounds the positions kept per spelling and document: a spelling
// seen more often than that in one document is never a minority.
const maxSpans = 32

// A mined spelling is one written form of a phrase in one document, as
// its Fact keeps it until the archive is checked: its strings are ranges
// of the fact's one string and its spans a run of the fact's spans, 36
// bytes where three strings, a count and a slice took 96.
type mined struct {
	// key is the normalised key spellings are grouped by; surface the
	// spelling as written, spaces collapsed; shape identifies it: the
	// surface with the last word's plural ending cut, since "the
	// Councils met" is grammar, not a variant.
	key, surface, shape strRange
	count               int32
	span0               int32 // its spans are the fact's spans[span0:span0+nspans]
	nspans              uint8 // the first maxSpans occurrences
	kind                PhraseKind
	loose               bool // a name run on by a lowercase word; never dominant
}

// span32 is a span of a source, kept small.
type span32 struct{ start, end int32 }

// A ShortUse is a short form defined in a document and then written
// another way in it.
type ShortUse struct {
	Span    document.Span
	Text    string // as written
	Defined string // as defined: "the Museum", "HCMST"
	Why     string // plural, capitalisation, dropped article, added article
	Message string // the whole message, when not about a short form
	Fix     lint.Edit
}

// Fact is what the consistency rule keeps of one document.
type Fact struct {
	// Shorts are findings within the document: short forms used in another
	// form than defined, and lowercase phrases inflected inside.
	Shorts []ShortUse
	// spells are the spellings mined, strs their keys, surfaces and shapes
	// and spans their occurrences.
	spells []mined
	strs   string
	spans  []span32
	// names are, in a compacted fact (Compact), the spellings that are
	// not front matter names, with their surfaces and counts only; spells
	// then holds the front matter names.
	names []nameSpell
	// words are the prose words at and near capitalised ones, for matching
	// the document against the names mined from the whole archive, packed
	// (see packWord); nwords is their number.
	words  string
	nwords int
	// For a document read as context only (MineOptions.Context), what the
	// archive needs of its text, which may go: wtext is the text of the
	// words kept, one after the other, and lower counts each lower-case
	// ASCII word standing alone (as countLowerWords counts them), packed
	// in the order first written: length, word, count, as uvarints and
	// bytes. Read
	// from a cache, they share its memory: never written to.
	wtext     []byte
	lower     string
	lowerKept bool
	// lazy holds the bytes the rest was read back from (DecodeFact),
	// decoded when first needed (load): a run that reads the archive's
	// state back needs few documents' facts.
	lazy *lazyFact
}

// MineOptions set when a spelling dominates within one document.
type MineOptions struct {
	MinCount, Ratio int
	// Context: the document is read as context only; the fact keeps what
	// Archive needs of its text (see Fact.wtext).
	Context bool
	// Compact: the fact is made compacted (Fact.Compact), for a rule that
	// keeps it until the archive is checked, without the whole one first.
	Compact bool
}

type miner struct {
	opt   MineOptions
	doc   *document.Document
	src   []byte
	words []word // the current block's words, shared: never written
	w     *Words
	fact  *Fact
	kbuf  []byte
	idbuf []byte
	kept  []byte // the packed words kept, before the fact's copy
	// keptEnd is where the last word kept ends, nkept their number
	keptEnd int32
	nkept   int
	// keepUntil and keepGap are keepWords' state where a piece of a block
	// ends, in the next piece's indexes
	keepUntil int
	keepGap   bool
	// lowerCounts: lowerWords' table, kept for the next document
	lowerCounts *lowerTable
	// loosePhrase marks the spelling being added as run on by a lowercase word
	loosePhrase bool

	// The spellings of the document are counted in reused buffers and
	// become the fact's, with one string and one span array for all of
	// them, when the document is done.
	index  table     // kind byte + key + 0 + shape → spells
	spells []spell   // by index id
	strs   []byte    // the keys, surfaces and shapes of spells
	spans  []spanRef // the spans of spells and pair forms, as lists

	pairs    table  // lowercase pair key → pairList
	pairList []pair // by pairs id
	forms    []pairForm
	cands    table  // singular first words of candidate pairs
	candLens uint64 // bit n set: a candidate of n bytes (63: longer)
	// pairAt holds the pairs countPairs may count, packed (see notePair)
	// in chunks that are never copied: there is one every few words, and
	// at 16 bytes a pair, in an array grown by copying, they were the
	// largest thing a long document's mining held.
	pairAt  [][]byte
	pairLen int   // the bytes in pairAt
	pairAt0 int32 // the last pair's first word's start, for the next delta
	defToks []document.Token
	shorts  shortScan // the uses of short forms, when the document defines any
	// twoPass: find the uses of short forms after reading every block, as
	// when the blocks are out of the text's order; tests compare.
	twoPass bool
}

// A spell is a spelling while its document is mined: its strings are
// ranges of miner.strs.
type spell struct {
	kind                PhraseKind
	loose               bool
	count               int
	nspans              int32
	head, tail          int32 // spans list
	key, surface, shape strRange
}

type strRange struct{ lo, hi int32 }

// spanRef is a span in a singly linked list kept in miner.spans.
type spanRef struct {
	sp   document.Span
	next int32
}

// nameFields are the front matter keys whose values are names.
var nameFields = []string{"author", "authors", "by", "team"}

// Mine collects the name candidates of one document.
func Mine(doc *document.Document, opt MineOptions) *Fact {
	w := NewWords(doc)
	return MineWords(doc, w, opt, nil)
}

// MineWords is Mine over the document's words, built already (DocWords),
// with the memory of s (DocScratch; nil for memory of its own): the fact
// keeps none of them but copies.
func MineWords(doc *document.Document, w *Words, opt MineOptions, s *Scratch) *Fact {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.Ratio <= 0 {
		opt.Ratio = 3
	}
	if s == nil {
		s = new(Scratch)
	}
	m := &s.mine
	defer m.release()
	m.opt, m.doc, m.src, m.fact = opt, doc, doc.Src, &Fact{}
	m.w = w
	m.startKeep()
	var shorts []shortDef
	// A short form is used after its definition: when the blocks come in
	// the order of the text, the uses are found as the words are read, with
	// the definitions of the blocks read so far and of the block itself
	// (found first, from its tokens), instead of reading every block's
	// words again at the end.
	var scan *shortScan
	onePass := inTextOrder(doc, w) && !m.twoPass
	for i, r := range w.blocks {
		m.keepUntil, m.keepGap = -1, true
		if onePass && !r.nav {
			if shorts = m.shortForms(&doc.Blocks[r.block], shorts); len(shorts) > 0 {
				if scan == nil {
					scan = &m.shorts
					scan.reset()
				}
				scan.add(shorts)
			}
		}
		for ws, end := range w.pieces(i) {
			m.words = ws
			// Titles, captions and navigation lines count for the names in
			// them too: a name is written alike in a title and in the text.
			m.proper()
			if !r.nav {
				m.keepWords(r, ws, end.nextUpper)
			}
			if scan != nil && r.body {
				scan.uses(m, ws, end.more)
			}
		}
		if !onePass && !r.nav {
			shorts = m.shortForms(&doc.Blocks[r.block], shorts)
		}
	}
	m.endKeep()
	m.meta()
	m.countPairs()
	m.lowerFindings()
	switch {
	case scan != nil:
		scan.finish(m)
	case !onePass && len(shorts) > 0:
		m.shortUses(shorts)
	}
	if opt.Compact {
		m.finishCompact()
	} else {
		m.finish()
	}
	if opt.Context {
		if m.lowerCounts == nil {
			m.lowerCounts = &lowerTable{}
		}
		m.fact.keepText(doc.Src, m.lowerCounts)
	}
	return m.fact
}

// inTextOrder reports whether the blocks w reads follow each other in the
// text, none starting before the one read before it ends: then no
// definition in a later block can come before a word of an earlier one.
func inTextOrder(doc *document.Document, w *Words) bool {
	end := -1
	for _, r := range w.blocks {
		sp := doc.Blocks[r.block].Span
		if sp.Start < end {
			return false
		}
		end = sp.End
	}
	return true
}

// keepText keeps what Archive reads of a context document's text: its
// kept words' text and its lower-case words (counted in counts, the
// miner's, emptied first).
func (f *Fact) keepText(src []byte, counts *lowerTable) {
	n := 0
	for w := range packedWords(f.words, f.nwords) {
		n += int(w.end - w.start)
	}
	b := make([]byte, 0, n)
	for w := range packedWords(f.words, f.nwords) {
		b = append(b, src[w.start:w.end]...)
	}
	f.wtext = b
	f.lower, f.lowerKept = lowerWords(src, counts), true
}

// wordTexts calls fn with each of the fact's words and its text: from
// src, or, when src is nil, from the text the fact kept.
func (f *Fact) wordTexts(src []byte, fn func(w word, t []byte)) {
	f.load()
	off := 0
	text := f.wtext
	for w := range packedWords(f.words, f.nwords) {
		n := int(w.end - w.start)
		if src != nil {
			fn(w, src[w.start:w.end])
		} else if off+n <= len(text) {
			fn(w, text[off:off+n])
		}
		off += n
	}
}

// keepWords keeps, for matching against the archive's names once every
// document is mined, the words at and near capitalised ones (one before,
// three after): a name is capitalised words with at most a few lowercase
// ones between. Where words are left out, the next one kept starts a new
// run, so that no two words become neighbours that were not. They are
// kept packed (see packWord), piece by piece as the miner reads them,
// between startKeep and endKeep; keepUntil and keepGap carry from one
// piece of a block to the next, and nextUpper says whether the word after
// ws, in the next piece, is capitalised.
func (m *miner) keepWords(r wordRange, ws []word, nextUpper bool) {
	b := m.kept
	var head wordFlags // the miner reads fields as headlines too
	if r.head || r.field {
		head = wHead
	}
	until := m.keepUntil // words up to this index are kept: three after a capitalised one
	gap := m.keepGap
	for k := range ws {
		if ws[k].flags&wUpper != 0 {
			until = max(until, k+3)
		} else if k+1 < len(ws) && ws[k+1].flags&wUpper != 0 || k+1 == len(ws) && nextUpper {
			until = max(until, k) // the word before a capitalised one
		}
		if k > until {
			gap = true
			continue
		}
		w := ws[k]
		w.flags |= head
		if gap {
			w.sep = sepBreak
		}
		b = packWord(b, m.keptEnd, w)
		m.keptEnd = w.end
		m.nkept++
		gap = false
	}
	m.kept = b
	m.keepUntil, m.keepGap = until-len(ws), gap // indexes of the next piece
}

// startKeep readies the packed words' buffer.
func (m *miner) startKeep() {
	// Room for every word at the usual 4 bytes, so that a long document's
	// buffer is not grown, and copied, two dozen times.
	m.kept = slices.Grow(m.kept[:0], 4*m.w.n)
	m.keptEnd, m.nkept = 0, 0
}

// endKeep gives the fact the words kept: a copy, or, when they fill most
// of a buffer too large to keep for the next document (see release), the
// buffer itself, which the miner then forgets: a long document's copy
// stood beside the buffer at the mining's peak.
func (m *miner) endKeep() {
	if m.nkept == 0 {
		return
	}
	if cap(m.kept) > 1<<20 && len(m.kept) >= cap(m.kept)/2 {
		m.fact.words = unsafe.String(unsafe.SliceData(m.kept), len(m.kept))
		m.kept = nil // the fact's now, never written again
	} else {
		m.fact.words = string(m.kept)
	}
	m.fact.nwords = m.nkept
}

// finish gives the fact the spellings: one string holds every key,
// surface and shape, and one array every span.
func (m *miner) finish() {
	if len(m.spells) == 0 {
		return
	}
	f := m.fact
	f.strs = string(m.strs)
	n := 0
	for i := range m.spells {
		n += int(m.spells[i].nspans)
	}
	f.spans = make([]span32, n)
	f.spells = make([]mined, len(m.spells))
	at := int32(0)
	for i := range m.spells {
		s := &m.spells[i]
		f.spells[i] = mined{key: s.key, surface: s.surface, shape: s.shape, count: int32(s.count),
			span0: at, nspans: uint8(s.nspans), kind: s.kind, loose: s.loose}
		for r := s.head; r >= 0; r = m.spans[r].next {
			sp := m.spans[r].sp
			f.spans[at] = span32{int32(sp.Start), int32(sp.End)}
			at++
		}
	}
}

// str returns a string of the fact's spellings.
func (f *Fact) str(r strRange) string { return f.strs[r.lo:r.hi] }

// spansOf returns the occurrences kept of spelling s.
func (f *Fact) spansOf(s *mined) []span32 { return f.spans[s.span0 : s.span0+int32(s.nspans)] }

func (m *miner) release() {
	m.index.reset()
	m.pairs.reset()
	m.cands.reset()
	m.candLens = 0
	m.w, m.words = nil, nil
	m.doc, m.src, m.fact = nil, nil, nil
	m.spells, m.strs, m.spans = m.spells[:0], m.strs[:0], m.spans[:0]
	m.pairList, m.forms, m.pairAt, m.pairAt0, m.pairLen = m.pairList[:0], m.forms[:0], m.pairAt[:0], 0, 0
	if cap(m.strs) > 1<<20 || cap(m.spans) > 1<<16 || cap(m.kept) > 1<<20 || cap(m.pairAt) > 8 || m.lowerCounts.large() {
		// do not keep a huge document's buffers for ever
		m.strs, m.spans, m.kept, m.lowerCounts = nil, nil, nil, nil
		m.spells, m.pairList, m.forms, m.pairAt = nil, nil, nil, nil
	}
	if cap(m.shorts.found) > 1<<12 || len(m.shorts.byKey) > 1<<12 || len(m.shorts.seen) > 1<<14 {
		m.shorts = shortScan{} // nor its short forms' tables
	}
}

func (m *miner) text(w word) []byte { return m.src[w.start:w.end] }

// isConnector: the word is a connector as written, in lower case.
func (m *miner) isConnector(w word) bool {
	// connectors are lowercase letters, three at most
	return w.lower() && w.end-w.start <= 3 && lex.classOf(m.text(w))&classConnector != 0
}

// isStop: the word, A–Z lowered, is a stop word.
func (m *miner) isStop(w word) bool {
	// stop words are ASCII letters only
	return int32(w.letters) == w.end-w.start && lex.foldClassOf(m.text(w))&classStop != 0
}

// proper mines runs of capitalised words joined by connectors, hyphens,
// ampersands and commas, and, in the same pass, the lowercase pairs (see
// lower): a pair's words are lowercase and not connectors, so never inside
// a run.
func (m *miner) proper() {
	ws := m.words
	for i := 0; i < len(ws); i++ {
		if !ws[i].upper() {
			if i > 0 && ws[i].flags&wPairSecond != 0 && ws[i-1].flags&wPairFirst != 0 {
				m.lower(i - 1)
			}
			continue
		}
		j := i
		for k := i + 1; k < len(ws); k++ {
			s := ws[k].sep
			if s == sepBreak {
				break
			}
			if ws[k].upper() {
				j = k
				continue
			}
			if s == sepSpace && m.isConnector(ws[k]) && k-j <= 2 && (!ws[k-1].and() || string(m.text(ws[k])) != "the") {
				continue // "of", "of the", "and"; not "and the": two names
			}
			break
		}
		end := j
		start := i
		for start <= end && (m.isStop(ws[start]) || !ws[start].upper()) {
			start++
		}
		if start < end && ws[start].sep == sepBreak && m.isConnector(ws[start+1]) {
			// "Staff of the Museum", "Members of the Council" at the start of a
			// sentence: the first word is any word
			start++
			for start <= end && !ws[start].upper() {
				start++
			}
		}
		i = j
		if start > end {
			continue
		}
		if start == end && ws[start].sep == sepBreak && !ws[start].caps() {
			m.loose(start, end) // "Ingrid ellis said"
			continue            // one capitalised word at the start of a sentence: any word
		}
		if end-start > 10 || m.hasLetterWord(start, end) || m.inList(start, end) {
			continue // "C and C++", "Ryan Levick and I": letters, not names
		}
		m.kbuf = m.kbuf[:0]
		if start == end && ws[start].caps() {
			m.kbuf = append(m.kbuf, '^') // Arm and ARM, Mac and MAC: a word and an acronym
		}
		for k := start; k <= end; k++ {
			if !ws[k].and() {
				m.kbuf = appendKey(m.kbuf, m.text(ws[k]))
				if ws[k].poss() && k < end {
					m.kbuf = append(m.kbuf, '\'')
				}
			}
		}
		m.add(KindProper, m.kbuf, ws[start].start, ws[end].end, ws[end])
		m.loose(start, end)
	}
}

// loose records a name run on by one lowercase word, and any capitalised
// words after it: "Ingrid ellis", "Anna Kow alski", "Summit learning Inc".
// Such a spelling is only ever a variant of a name seen capitalised.
func (m *miner) loose(start, end int) {
	ws := m.words
	k := end + 1
	if ws[end].poss() {
		return // "Rust's community" is not "Rust Community"
	}
	if k >= len(ws) || ws[k].upper() || ws[k].and() || ws[k].sep != sepSpace && ws[k].sep != sepHyphen || ws[k].letters < 2 {
		return
	}
	t := m.text(ws[k])
	// lowercase: as written and A–Z lowered are the same
	if !ws[k].lower() || lex.classOf(t)&(classStop|classConnector|classNotNoun|classLooseVerb) != 0 ||
		bytes.HasSuffix(t, []byte("ed")) || bytes.HasSuffix(t, []byte("ing")) {
		return
	}
	if ws[start].sep == sepBreak {
		var kb [32]byte
		if lex.classOf(appendKey(kb[:0], t))&classCommonNoun != 0 {
			return // "Science parks are popular"
		}
	}
	last := k
	for n := k + 1; n < len(ws) && ws[n].sep != sepBreak; n++ {
		if ws[n].upper() {
			last = n
			continue
		}
		if ws[n].sep == sepSpace && m.isConnector(ws[n]) && n-last <= 2 {
			continue
		}
		break
	}
	m.loosePhrase = true
	m.kbuf = m.kbuf[:0]
	for n := start; n <= last; n++ {
		if !ws[n].and() {
			m.kbuf = appendKey(m.kbuf, m.text(ws[n]))
		}
		if n == k || n == last {
			// "Julia marin" and, when capitals follow, "Museum of science
			// and Technology"
			m.add(KindProper, m.kbuf, ws[start].start, ws[n].end, ws[n])
		}
	}
	m.loosePhrase = false
}

// lex holds the word lists the miners ask about most words.
var lex = newLexicon(map[wordClass]map[string]bool{
	classStop: stopWords, classConnector: connectors, classNotNoun: notNouns,
	classLooseVerb: looseVerbs, classCommonNoun: commonNouns,
})

// looseVerbs follow names and are not part of them.
var looseVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "noted": true, "explained": true, "announced": true,
	"opened": true, "is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "will": true,
	"would": true, "can": true, "could": true, "also": true, "and": true, "or": true, "but": true, "with": true,
	"who": true, "which": true, "that": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "by": true, "as": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"have": true, "hosts": true, "hosted": true, "led": true, "leads": true, "signed": true, "welcomed": true,
}

// inList: "Linux, Windows, and macOS": a comma inside the phrase and the
// list going on after it.
func (m *miner) inList(start, end int) bool {
	comma := false
	for k := start + 1; k <= end; k++ {
		comma = comma || m.words[k].sep == sepComma
	}
	if !comma || end+1 >= len(m.words) {
		return false
	}
	nx := m.words[end+1]
	return nx.sep == sepComma || nx.and() && nx.sep != sepBreak
}

func (m *miner) hasLetterWord(start, end int) bool {
	for k := start; k <= end; k++ {
		if m.words[k].letters == 1 && m.words[k].end-m.words[k].start == 1 {
			return true
		}
	}
	return false
}

// lower mines the pair of lowercase words at i, its second one's
// inflection merged: "research centre" and "research centres" are one
// spelling, "researches centres" another. No capital and no "and": both
// words are lowercase, the first of five letters at least.
//
// The pairs that may count for countPairs pass the same first test; they
// are noted, so that it need not read every word again.
func (m *miner) lower(i int) {
	a, b := &m.words[i], &m.words[i+1]
	m.notePair(*a, *b)
	at, bt := m.text(*a), m.text(*b)
	if at[len(at)-1] != 's' {
		return // counted in countPairs when a plural pair makes it a candidate
	}
	if m.isStop(*a) || m.isStop(*b) {
		return
	}
	m.kbuf = appendKey(m.kbuf[:0], at)
	if len(m.kbuf) < 5 || len(m.kbuf) == len(at) {
		return
	}
	sing := len(m.kbuf)
	m.kbuf = append(m.kbuf, ' ')
	m.kbuf = appendKey(m.kbuf, bt)
	if m.addLower(m.kbuf, *a, *b, false) {
		if _, h, ok := m.cands.find(m.kbuf[:sing]); !ok {
			m.cands.insert(m.kbuf[:sing], h)
			m.candLens |= 1 << min(sing, 63)
		}
	}
}

// countPairs counts the uninflected forms of the candidate pairs: "research
// centres" once "researches centres" was seen.
//
// A pair counts when its first word is a candidate, so lowercase and of
// five letters at least; its second must be lowercase, of four letters at
// least: lower noted where such pairs are in the cased blocks.
func (m *miner) countPairs() {
	if m.cands.len() == 0 {
		return
	}
	for a, b := range m.notedPairs() {
		if m.candLens&(1<<min(a.end-a.start, 63)) == 0 {
			continue
		}
		if _, _, ok := m.cands.find(m.text(a)); !ok || m.isStop(b) {
			continue
		}
		m.kbuf = append(append(m.kbuf[:0], m.text(a)...), ' ')
		m.kbuf = appendKey(m.kbuf, m.text(b))
		m.addLower(m.kbuf, a, b, true)
	}
}

// notePair notes a lowercase pair countPairs may count: both its words
// are ASCII lowercase letters only, so their spans say all it reads of
// them. A pair is four varints, mostly a byte each: its first word's start
// less the last pair's (signed: zigzag), that word's length, the bytes to
// the second word and its length.
func (m *miner) notePair(a, b word) {
	n := len(m.pairAt)
	if n == 0 || cap(m.pairAt[n-1])-len(m.pairAt[n-1]) < 4*binary.MaxVarintLen32 {
		// A new chunk, or one the last document left: as large as the
		// pairs so far, from 4 KB to 1 MB.
		if n < cap(m.pairAt) && cap(m.pairAt[:n+1][n]) >= 4*binary.MaxVarintLen32 {
			m.pairAt = m.pairAt[:n+1]
			m.pairAt[n] = m.pairAt[n][:0]
		} else {
			m.pairAt = append(m.pairAt, make([]byte, 0, min(max(m.pairLen, 4<<10), 1<<20)))
		}
		n++
	}
	c := m.pairAt[n-1]
	l := len(c)
	c = binary.AppendVarint(c, int64(a.start-m.pairAt0))
	c = binary.AppendUvarint(c, uint64(a.end-a.start))
	c = binary.AppendVarint(c, int64(b.start-a.end))
	c = binary.AppendUvarint(c, uint64(b.end-b.start))
	m.pairAt[n-1] = c
	m.pairLen += len(c) - l
	m.pairAt0 = a.start
}

// notedPairs yields the pairs notePair noted, in order, as their words.
func (m *miner) notedPairs() iter.Seq2[word, word] {
	return func(yield func(word, word) bool) {
		at := int32(0)
		for _, buf := range m.pairAt {
			for len(buf) > 0 {
				d, n1 := binary.Varint(buf)
				al, n2 := binary.Uvarint(buf[n1:])
				g, n3 := binary.Varint(buf[n1+n2:])
				bl, n4 := binary.Uvarint(buf[n1+n2+n3:])
				buf = buf[n1+n2+n3+n4:]
				at += int32(d)
				a := span32{at, at + int32(al)}
				b := span32{a.end + int32(g), a.end + int32(g) + int32(bl)}
				if !yield(a.word(), b.word()) {
					return
				}
			}
		}
	}
}

// word returns the lowercase word of letters only at s.
func (s span32) word() word {
	return word{start: s.start, end: s.end, letters: uint8(min(s.end-s.start, 255)), flags: wLower}
}

func asciiLower(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// pair counts the spellings of one lowercase pair in a document: its
// forms, by the first word as written, are a list in miner.forms.
type pair struct {
	head, tail int32
	nforms     int
}

type pairForm struct {
	start, end int32 // the first word as written, where first seen
	n          int
	nspans     int32
	head, tail int32 // spans list
	next       int32 // the pair's next form
}

// A lowercase pair must be frequent in its document to set the spelling:
// "research centres" twenty times, not "tons weight" three times.
const (
	pairMinCount = 5
	pairRatio    = 5
)

// notNouns are words after which a pair is a clause, not a compound:
// "meetings will", "checks whether".
var notNouns = map[string]bool{
	"will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "shall": true, "whether": true, "which": true, "that": true, "around": true, "against": true,
	"above": true, "below": true, "soon": true, "about": true, "instead": true, "during": true, "into": true,
	"onto": true, "upon": true, "within": true, "without": true, "toward": true, "towards": true, "across": true,
	"have": true, "has": true, "had": true, "were": true, "been": true, "being": true, "does": true, "did": true,
	"make": true, "makes": true, "made": true, "need": true, "needs": true, "work": true, "works": true,
	"return": true, "returns": true, "provide": true, "provides": true, "like": true, "than": true, "then": true,
	"when": true, "where": true, "while": true, "because": true, "still": true, "just": true, "only": true,
	"even": true, "already": true, "always": true, "never": true, "often": true, "again": true, "more": true,
	"most": true, "less": true, "very": true, "much": true, "well": true, "also": true, "there": true,
	"here": true, "what": true, "they": true, "them": true, "their": true, "these": true, "those": true,
	"this": true, "your": true, "ours": true, "people": true, "starting": true, "happening": true,
	"between": true, "among": true, "amongst": true, "later": true, "came": true, "come": true, "comes": true,
	"said": true, "says": true, "began": true, "begin": true, "given": true, "give": true, "able": true, "long": true,
	"behind": true, "proper": true, "whom": true, "whose": true, "after": true, "before": true, "since": true,
	"until": true, "ago": true, "away": true, "back": true, "down": true, "from": true, "over": true,
	"under": true, "through": true, "together": true, "enough": true, "became": true, "become": true, "went": true,
	"goes": true, "took": true, "take": true, "takes": true, "seem": true, "seems": true, "seemed": true,
	"know": true, "knew": true, "think": true, "thought": true, "want": true, "wanted": true, "look": true,
	"looks": true, "felt": true, "feel": true, "find": true, "found": true, "keep": true, "kept": true, "altogether": true, "till": true, "done": true, "full": true, "home": true,
	"entre": true, "sont": true, "dans": true, "pour": true,
}

func (m *miner) addLower(key []byte, a, b word, existing bool) bool {
	bt := m.text(b)
	if lex.classOf(bt)&classNotNoun != 0 || bytes.HasSuffix(bt, []byte("ed")) || bytes.HasSuffix(bt, []byte("ing")) ||
		bytes.HasSuffix(bt, []byte("ly")) || bytes.HasSuffix(bt, []byte("self")) || bytes.HasSuffix(bt, []byte("selves")) {
		return false // a verb or adverb follows: "supports unwinding", "problems existed", "raises himself"
	}
	id, h, ok := m.pairs.find(key)
	if !ok {
		if existing {
			return false
		}
		id = m.pairs.insert(key, h)
		m.pairList = append(m.pairList, pair{head: -1, tail: -1})
	}
	p := &m.pairList[id]
	at := m.text(a)
	fi := p.head
	for fi >= 0 && !bytes.Equal(m.src[m.forms[fi].start:m.forms[fi].end], at) {
		fi = m.forms[fi].next
	}
	if fi < 0 {
		fi = int32(len(m.forms))
		m.forms = append(m.forms, pairForm{start: a.start, end: a.end, head: -1, tail: -1, next: -1})
		if p.tail >= 0 {
			m.forms[p.tail].next = fi
		} else {
			p.head = fi
		}
		p.tail = fi
		p.nforms++
	}
	f := &m.forms[fi]
	f.n++
	if f.nspans < maxSpans {
		f.nspans++
		f.head, f.tail = m.appendSpan(f.head, f.tail, document.Span{Start: int(a.start), End: int(a.end)})
	}
	return true
}

// appendSpan appends sp to the list from head to tail and returns its new
// ends.
func (m *miner) appendSpan(head, tail int32, sp document.Span) (int32, int32) {
	r := int32(len(m.spans))
	m.spans = append(m.spans, spanRef{sp: sp, next: -1})
	if tail >= 0 {
		m.spans[tail].next = r
		return head, r
	}
	return r, r
}

// lowerFindings reports, within the document, a lowercase pair whose first
// word is inflected ("researches centres") where the uninflected pair
// ("research centres") dominates.
func (m *miner) lowerFindings() {
	form := func(f *pairForm) []byte { return m.src[f.start:f.end] }
	for pid := range m.pairList {
		p := &m.pairList[pid]
		if p.nforms < 2 {
			continue
		}
		var dom []byte
		dn := 0
		for fi := p.head; fi >= 0; fi = m.forms[fi].next {
			f := &m.forms[fi]
			if w := form(f); f.n > dn || f.n == dn && bytes.Compare(w, dom) < 0 {
				dom, dn = w, f.n
			}
		}
		if dn < pairMinCount || dn < m.opt.MinCount {
			continue
		}
		if m.verbPhrase(p, dom) {
			continue // "to write letters" beside "he writes letters": a verb, not a compound noun
		}
		key := m.pairs.key(int32(pid))
		second := string(key[bytes.IndexByte(key, ' ')+1:])
		for fi := p.head; fi >= 0; fi = m.forms[fi].next {
			f := &m.forms[fi]
			w := form(f)
			if bytes.Equal(w, dom) || dn < max(m.opt.Ratio, pairRatio)*f.n || !pluralOf(w, dom) {
				continue
			}
			ws, ds := string(w), string(dom)
			for r := f.head; r >= 0; r = m.spans[r].next {
				sp := m.spans[r].sp
				if clause(m.src, sp.Start) || namedSubject(m.src, sp.Start) || sp.Start > 0 && m.src[sp.Start-1] == '-' || counted(m.src, sp.Start) {
					continue // "which enables offline", "the King orders things": a verb; "two-thirds percent"; "twenty tons weight"
				}
				m.fact.Shorts = append(m.fact.Shorts, ShortUse{
					Span: sp, Text: ws, Defined: ds,
					Message: fmt.Sprintf("%q is written %q %d times before %q in this document; use one spelling", ws, ds, dn, second),
					Fix:     lint.Edit{Start: sp.Start, End: sp.End, NewText: ds},
				})
			}
		}
	}
}

// verbPhrase reports whether the pair's dominant form dom is mostly
// written after "to" or a modal verb ("to write letters", "will build
// scripts"): then its first word is a verb, and the same word with an s is
// the verb's present tense, not a plural inside a compound noun.
func (m *miner) verbPhrase(p *pair, dom []byte) bool {
	verb, seen := 0, 0
	for fi := p.head; fi >= 0; fi = m.forms[fi].next {
		f := &m.forms[fi]
		if !bytes.Equal(m.src[f.start:f.end], dom) {
			continue
		}
		for r := f.head; r >= 0; r = m.spans[r].next {
			seen++
			j, i := wordBefore(m.src, m.spans[r].sp.Start)
			if verbMarkers[strings.ToLower(string(m.src[j:i]))] {
				verb++
			}
		}
	}
	return seen > 0 && 2*verb >= seen
}

// verbMarkers are followed by a verb's plain form.
var verbMarkers = map[string]bool{"to": true, "will": true, "would": true, "shall": true, "should": true, "can": true,
	"could": true, "may": true, "might": true, "must": true, "do": true, "does": true, "did": true, "not": true}

// wordBefore returns where the letters of the word before start, across
// spaces, begin and end.
func wordBefore(src []byte, start int) (int, int) {
	i := start
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\n' || src[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && (src[j-1]|0x20 >= 'a' && src[j-1]|0x20 <= 'z') {
		j--
	}
	return j, i
}

// namedSubject: a capitalised word stands before start inside a sentence
// ("the King orders things", "Cargo builds crates"), a name or title
// that is the subject of the inflected word, a verb.
func namedSubject(src []byte, start int) bool {
	i, end := wordBefore(src, start)
	if i == end || src[i] < 'A' || src[i] > 'Z' {
		return false
	}
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	// At the start of a block or after a sentence's end, the capital is
	// the sentence's, not a name's.
	return i > 0 && src[i-1] != '\n' && src[i-1] != '.' && src[i-1] != '!' && src[i-1] != '?' && src[i-1] != ':'
}

// clause: the word before start is a pronoun after which an inflected
// first word is a verb: "which enables offline", "it returns values".
func clause(src []byte, start int) bool {
	j, i := wordBefore(src, start)
	return subjects[strings.ToLower(string(src[j:i]))]
}

// counted: a number stands before start, and a plural after it is a
// measure ("twenty tons weight", "3,400 tons weight").
func counted(src []byte, start int) bool {
	j, i := wordBefore(src, start)
	if j == i && i > 0 && src[i-1] >= '0' && src[i-1] <= '9' {
		return true
	}
	return numberWords[strings.ToLower(string(src[j:i]))]
}

// numberWords count things.
var numberWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
		sixty seventy eighty ninety hundred thousand million`) {
		m[w] = true
	}
	return m
}()

// subjects are followed by a verb.
var subjects = map[string]bool{"which": true, "that": true, "who": true, "it": true, "he": true, "she": true,
	"they": true, "we": true, "i": true, "you": true, "this": true, "also": true, "then": true, "and": true, "or": true, "but": true, "nor": true}

// pluralOf: w is dom with s or es added.
func pluralOf(w, dom []byte) bool {
	if !bytes.HasPrefix(w, dom) {
		return false
	}
	end := string(w[len(dom):])
	return end == "s" || end == "es"
}

func (m *miner) add(kind PhraseKind, key []byte, start, end int32, last word) {
	raw := m.src[start:end]
	cut, y := 0, false
	if lt := m.text(last); len(lt) > 3 && lt[len(lt)-1] == 's' {
		var lb [48]byte
		lower := lb[:0]
		if plainText(lt) {
			// the ending is all that counts: lower only the last four
			// bytes, standing for the word
			lower = lowerBytes(lower, lt[len(lt)-4:])
		} else {
			lower = lowerBytes(lower, lt)
		}
		if n := len(lower); (len(lt) > 4 && n == 4 || n > 4) && string(lower[n-3:]) == "ies" {
			cut, y = 3, true // Ladies, Lady
		} else if c := len(lower) - singularLen(lower); c > 0 && c <= 3 {
			cut = c
		}
	}
	if cut >= len(raw) {
		cut, y = 0, false
	}
	sp := document.Span{Start: int(start), End: int(end)}
	// Fast path: the phrase as written needs no spaces collapsed, and its
	// shape is itself with the plural cut.
	if plainText(raw) {
		m.idbuf = append(append(append(append(m.idbuf[:0], m.kindByte(kind)), key...), 0), raw[:len(raw)-cut]...)
		if y {
			m.idbuf = append(m.idbuf, 'y')
		}
		idx, h, ok := m.index.find(m.idbuf)
		if !ok {
			idx = m.newSpell(kind, h, key, raw, cut, y)
		}
		m.bump(idx, sp)
		return
	}
	// The surface is the collapsed text, the shape is that with the plural
	// cut and curly apostrophes straightened; both are written after the
	// key in strs, and dropped again when the spelling is known.
	mark := len(m.strs)
	m.strs = append(m.strs, key...)
	surfLo := len(m.strs)
	m.strs = appendCollapse(m.strs, raw)
	surfHi := len(m.strs)
	shape := strRange{int32(surfLo), int32(surfHi)}
	if cut > 0 && cut < surfHi-surfLo {
		shape.hi -= int32(cut)
		if y {
			m.strs = append(m.strs, m.strs[shape.lo:shape.hi]...)
			m.strs = append(m.strs, 'y')
			shape = strRange{int32(surfHi), int32(len(m.strs))}
		}
	}
	if bytes.Contains(m.strs[shape.lo:shape.hi], []byte("’")) {
		lo := len(m.strs)
		m.strs = appendStraight(m.strs, m.strs[shape.lo:shape.hi])
		shape = strRange{int32(lo), int32(len(m.strs))}
	}
	m.idbuf = append(append(append(append(m.idbuf[:0], m.kindByte(kind)), key...), 0), m.strs[shape.lo:shape.hi]...)
	idx, h, ok := m.index.find(m.idbuf)
	if ok {
		m.strs = m.strs[:mark]
	} else {
		idx = m.index.insert(m.idbuf, h)
		m.spells = append(m.spells, spell{kind: kind, loose: m.loosePhrase, head: -1, tail: -1,
			key: strRange{int32(mark), int32(surfLo)}, surface: strRange{int32(surfLo), int32(surfHi)}, shape: shape})
	}
	m.bump(idx, sp)
}

// lowerBytes appends b in lower case: A–Z for ASCII, as strings.ToLower
// otherwise.
func lowerBytes(dst, b []byte) []byte {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return append(dst[:0], strings.ToLower(string(b))...)
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendStraight appends b with curly apostrophes straightened.
func appendStraight(dst, b []byte) []byte {
	for {
		i := bytes.Index(b, []byte("’"))
		if i < 0 {
			return append(dst, b...)
		}
		dst = append(append(dst, b[:i]...), '\'')
		b = b[i+len("’"):]
	}
}

// newSpell adds the spelling of plain text raw whose last cut bytes are a
// plural ending (y: ies for y) with the key and hash of m.idbuf.
func (m *miner) newSpell(kind PhraseKind, h uint64, key, raw []byte, cut int, y bool) int32 {
	idx := m.index.insert(m.idbuf, h)
	lo := int32(len(m.strs))
	m.strs = append(append(m.strs, key...), raw...)
	surf := strRange{lo + int32(len(key)), int32(len(m.strs))}
	shape := surf
	if cut > 0 {
		shape.hi -= int32(cut)
		if y {
			m.strs = append(append(m.strs, raw[:len(raw)-cut]...), 'y')
			shape = strRange{surf.hi, int32(len(m.strs))}
		}
	}
	m.spells = append(m.spells, spell{kind: kind, loose: m.loosePhrase, head: -1, tail: -1,
		key: strRange{lo, lo + int32(len(key))}, surface: surf, shape: shape})
	return idx
}

func (m *miner) kindByte(kind PhraseKind) byte {
	if m.loosePhrase {
		return 'L'
	}
	return byte('0' + kind)
}

func (m *miner) bump(idx int32, sp document.Span) {
	s := &m.spells[idx]
	s.count++
	if s.nspans < maxSpans {
		s.nspans++
		s.head, s.tail = m.appendSpan(s.head, s.tail, sp)
	}
}

// plainText: no run of spaces, line break or other character collapse
// would change.
func plainText(b []byte) bool {
	n := len(b)
	if n == 0 {
		return true
	}
	if b[0] == ' ' || b[n-1] == ' ' {
		return false
	}
	// eight bytes at a time: none from 0x80 up, none below a space
	// (x-0x20 borrows into the top bit), and no space after a space
	i, space := 0, false
	for ; i+8 <= n; i += 8 {
		x := binary.LittleEndian.Uint64(b[i : i+8])
		if x&0x8080808080808080 != 0 || (x-0x2020202020202020)&^x&0x8080808080808080 != 0 {
			return false
		}
		e := x ^ 0x2020202020202020 // a zero byte for each space
		sp := ^((e&0x7f7f7f7f7f7f7f7f + 0x7f7f7f7f7f7f7f7f) | e) & 0x8080808080808080
		if sp&(sp<<8) != 0 || space && sp&0x80 != 0 {
			return false
		}
		space = sp>>63 != 0
	}
	for ; i < n; i++ {
		c := b[i]
		if c >= 0x80 || c < ' ' || c == ' ' && space {
			return false
		}
		space = c == ' '
	}
	return true
}

// addSurface adds a spelling given as strings: a front matter value.
func (m *miner) addSurface(kind PhraseKind, key, surface, shape string, sp document.Span) {
	m.idbuf = append(append(append(append(m.idbuf[:0], m.kindByte(kind)), key...), 0), shape...)
	idx, h, ok := m.index.find(m.idbuf)
	if !ok {
		idx = m.index.insert(m.idbuf, h)
		k := strRange{int32(len(m.strs)), 0}
		m.strs = append(m.strs, key...)
		k.hi = int32(len(m.strs))
		sf := strRange{k.hi, 0}
		m.strs = append(m.strs, surface...)
		sf.hi = int32(len(m.strs))
		sh := strRange{sf.hi, 0}
		m.strs = append(m.strs, shape...)
		sh.hi = int32(len(m.strs))
		m.spells = append(m.spells, spell{kind: kind, loose: m.loosePhrase, head: -1, tail: -1, key: k, surface: sf, shape: sh})
	}
	m.bump(idx, sp)
}

// meta mines the front matter fields that hold names.
func (m *miner) meta() {
	if m.doc.Meta == nil || len(m.doc.Verbatim) == 0 {
		return
	}
	fm := m.doc.Verbatim[0]
	if fm.Start > 3 {
		return
	}
	fields := []map[string]any{m.doc.Meta}
	for _, v := range m.doc.Meta {
		if sub, ok := v.(map[string]any); ok {
			fields = append(fields, sub) // [extra], [params]
		}
	}
	for _, meta := range fields {
		m.metaFields(meta, fm)
	}
}

func (m *miner) metaFields(meta map[string]any, fm document.Span) {
	for _, f := range nameFields {
		v, ok := meta[f]
		if !ok {
			continue
		}
		var vals []string
		switch v := v.(type) {
		case string:
			vals = []string{v}
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok {
					vals = append(vals, s)
				}
			}
		}
		from := fm.Start
		for _, val := range vals {
			val = strings.TrimSpace(val)
			if val == "" {
				continue
			}
			sp, ok := findValue(m.src, fm, from, f, val)
			if !ok {
				continue
			}
			from = sp.End
			key, _, _ := PhraseKey(strings.ToLower(stripThe(val)))
			m.addSurface(KindMeta, key, val, val, sp)
		}
	}
}

// findValue finds the bytes of a front matter value: after the field's
// name, the first occurrence of the value as written.
func findValue(src []byte, fm document.Span, from int, field, val string) (document.Span, bool) {
	region := src[from:fm.End]
	k := bytes.Index(region, []byte(field))
	if k < 0 && from == fm.Start {
		return document.Span{}, false
	}
	if k < 0 {
		k = 0
	}
	rest := region[k:]
	j := bytes.Index(rest, []byte(val))
	if j < 0 {
		return document.Span{}, false
	}
	s := from + k + j
	return document.Span{Start: s, End: s + len(val)}, true
}

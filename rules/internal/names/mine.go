package names

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

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

// A Mined spelling is one written form of a phrase in one document.
type Mined struct {
	Kind    PhraseKind
	Key     string // the normalised key spellings are grouped by
	Surface string // as written, spaces collapsed
	// Shape identifies the spelling: the surface with the last word's
	// plural ending cut, since "the Councils met" is grammar, not a variant.
	Shape string
	// Loose: a name run on by a lowercase word; never dominant.
	Loose bool
	Count int
	Spans []lint.Span // the first maxSpans occurrences
}

// A ShortUse is a short form defined in a document and then written
// another way in it.
type ShortUse struct {
	Span    lint.Span
	Text    string // as written
	Defined string // as defined: "the Museum", "HCMST"
	Why     string // plural, capitalisation, dropped article, added article
	Message string // the whole message, when not about a short form
	Fix     lint.Edit
}

// Fact is what the consistency rule keeps of one document.
type Fact struct {
	Spellings []Mined
	// Shorts are findings within the document: short forms used in another
	// form than defined, and lowercase phrases inflected inside.
	Shorts []ShortUse
}

// MineOptions set when a spelling dominates within one document.
type MineOptions struct{ MinCount, Ratio int }

type miner struct {
	opt    MineOptions
	pairs  map[string]*pair
	cands  map[string]bool // singular first words of candidate pairs
	doc    *lint.Document
	src    []byte
	words  []word         // the current block's words: a window on all
	all    []word         // every prose block's words
	ranges []wordRange    // where each block's words are in all
	index  map[string]int // kind+key+surface → Spellings index
	fact   *Fact
	kbuf   []byte
	idbuf  []byte
	// loosePhrase marks the spelling being added as run on by a lowercase word
	loosePhrase bool
}

type wordRange struct {
	lo, hi int
	body   bool // body text: short forms are looked for here
	cased  bool // not title case: evidence for spellings
}

// nameFields are the front matter keys whose values are names.
var nameFields = []string{"author", "authors", "by", "team"}

// Mine collects the name candidates of one document.
func Mine(doc *lint.Document, opt MineOptions) *Fact {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.Ratio <= 0 {
		opt.Ratio = 3
	}
	m := miners.Get().(*miner)
	defer m.release()
	m.opt, m.doc, m.src, m.fact = opt, doc, doc.Src, &Fact{}
	if m.index == nil {
		m.index, m.pairs = map[string]int{}, map[string]*pair{}
	}
	var shorts []shortDef
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		switch b.Kind {
		case lint.KindCode, lint.KindHTML, lint.KindFrontMatter, lint.KindSeparator:
			continue
		}
		if b.Role == lint.RoleNavigation || b.Role == lint.RoleImage || b.Role == lint.RoleDate {
			continue
		}
		lo := len(m.all)
		m.all = wordsOf(m.all, doc, b)
		r := wordRange{lo: lo, hi: len(m.all),
			body: b.Kind != lint.KindField && (b.Role == lint.RoleBody || b.Role == lint.RoleCaption),
			// titles and headings are in title case: not evidence
			cased: b.Kind != lint.KindHeading && b.Kind != lint.KindField && b.Role != lint.RoleTitle && b.Role != lint.RoleLabel,
		}
		m.ranges = append(m.ranges, r)
		m.words = m.all[r.lo:r.hi]
		if r.cased {
			m.proper()
			m.lower()
		}
		shorts = m.shortForms(b, shorts)
	}
	m.meta()
	m.countPairs()
	m.lowerFindings()
	if len(shorts) > 0 {
		m.shortUses(shorts)
	}
	return m.fact
}

// miners keeps the miners' buffers and maps between documents.
var miners = sync.Pool{New: func() any { return new(miner) }}

func (m *miner) release() {
	clear(m.index)
	clear(m.pairs)
	m.cands = nil
	m.all, m.words, m.ranges = m.all[:0], nil, m.ranges[:0]
	m.doc, m.src, m.fact = nil, nil, nil
	if len(m.index) > 1<<14 {
		m.index = nil // do not keep a huge map for ever
	}
	miners.Put(m)
}

func (m *miner) text(w word) []byte { return m.src[w.start:w.end] }

func (m *miner) isConnector(w word) bool {
	return !w.upper && connectors[string(m.text(w))]
}

func (m *miner) isStop(w word) bool {
	t := m.text(w)
	if len(t) > 12 {
		return false
	}
	var lb [12]byte
	l := lb[:0]
	for _, c := range t {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		l = append(l, c)
	}
	return stopWords[string(l)]
}

// proper mines runs of capitalised words joined by connectors, hyphens,
// ampersands and commas.
func (m *miner) proper() {
	ws := m.words
	for i := 0; i < len(ws); i++ {
		if !ws[i].upper {
			continue
		}
		j := i
		for k := i + 1; k < len(ws); k++ {
			s := ws[k].sep
			if s == sepBreak {
				break
			}
			if ws[k].upper {
				j = k
				continue
			}
			if s == sepSpace && m.isConnector(ws[k]) && k-j <= 2 && (!ws[k-1].and || string(m.text(ws[k])) != "the") {
				continue // "of", "of the", "and"; not "and the": two names
			}
			break
		}
		end := j
		start := i
		for start <= end && (m.isStop(ws[start]) || !ws[start].upper) {
			start++
		}
		if start < end && ws[start].sep == sepBreak && m.isConnector(ws[start+1]) {
			// "Staff of the Museum", "Members of the Council" at the start of a
			// sentence: the first word is any word
			start++
			for start <= end && !ws[start].upper {
				start++
			}
		}
		i = j
		if start > end {
			continue
		}
		if start == end && ws[start].sep == sepBreak && !ws[start].caps {
			m.loose(start, end) // "Ingrid ellis said"
			continue            // one capitalised word at the start of a sentence: any word
		}
		if end-start > 10 || m.hasLetterWord(start, end) || m.inList(start, end) {
			continue // "C and C++", "Ryan Levick and I": letters, not names
		}
		m.kbuf = m.kbuf[:0]
		if start == end && ws[start].caps {
			m.kbuf = append(m.kbuf, '^') // Arm and ARM, Mac and MAC: a word and an acronym
		}
		for k := start; k <= end; k++ {
			if !ws[k].and {
				m.kbuf = appendKey(m.kbuf, m.text(ws[k]))
				if ws[k].poss && k < end {
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
	if ws[end].poss {
		return // "Rust's community" is not "Rust Community"
	}
	if k >= len(ws) || ws[k].upper || ws[k].and || ws[k].sep != sepSpace && ws[k].sep != sepHyphen || ws[k].letters < 2 {
		return
	}
	t := m.text(ws[k])
	if !asciiLower(t) || m.isStop(ws[k]) || connectors[string(t)] || notNouns[string(t)] || looseVerbs[string(t)] ||
		bytes.HasSuffix(t, []byte("ed")) || bytes.HasSuffix(t, []byte("ing")) {
		return
	}
	if ws[start].sep == sepBreak && commonNouns[string(appendKey(nil, t))] {
		return // "Science parks are popular"
	}
	last := k
	for n := k + 1; n < len(ws) && ws[n].sep != sepBreak; n++ {
		if ws[n].upper {
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
		if !ws[n].and {
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
	return nx.sep == sepComma || nx.and && nx.sep != sepBreak
}

func (m *miner) hasLetterWord(start, end int) bool {
	for k := start; k <= end; k++ {
		if m.words[k].letters == 1 && m.words[k].end-m.words[k].start == 1 {
			return true
		}
	}
	return false
}

// lower mines pairs of lowercase words, the second one's inflection
// merged: "research centre" and "research centres" are one spelling,
// "researches centres" another.
func (m *miner) lower() {
	ws := m.words
	for i := 0; i+1 < len(ws); i++ {
		a, b := ws[i], ws[i+1]
		if a.upper || b.upper || b.sep != sepSpace || a.letters < 5 || b.letters < 4 || a.and {
			continue
		}
		at, bt := m.text(a), m.text(b)
		if at[len(at)-1] != 's' {
			continue // counted in countPairs when a plural pair makes it a candidate
		}
		if !asciiLower(at) || !asciiLower(bt) || int(a.end-a.start) != a.letters || m.isStop(a) || m.isStop(b) {
			continue
		}
		m.kbuf = appendKey(m.kbuf[:0], at)
		if len(m.kbuf) < 5 || len(m.kbuf) == len(at) {
			continue
		}
		sing := len(m.kbuf)
		m.kbuf = append(m.kbuf, ' ')
		m.kbuf = appendKey(m.kbuf, bt)
		if m.addLower(m.kbuf, a, b, false) {
			if m.cands == nil {
				m.cands = map[string]bool{}
			}
			m.cands[string(m.kbuf[:sing])] = true
		}
	}
}

// countPairs counts the uninflected forms of the candidate pairs: "research
// centres" once "researches centres" was seen.
func (m *miner) countPairs() {
	if len(m.cands) == 0 {
		return
	}
	for _, r := range m.ranges {
		if !r.cased {
			continue
		}
		ws := m.all[r.lo:r.hi]
		for i := 0; i+1 < len(ws); i++ {
			a, b := ws[i], ws[i+1]
			if a.upper || b.upper || b.sep != sepSpace || !m.cands[string(m.text(a))] {
				continue
			}
			bt := m.text(b)
			if b.letters < 4 || !asciiLower(bt) || m.isStop(b) {
				continue
			}
			m.kbuf = append(append(m.kbuf[:0], m.text(a)...), ' ')
			m.kbuf = appendKey(m.kbuf, bt)
			m.addLower(m.kbuf, a, b, true)
		}
	}
}

func asciiLower(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// pair counts the spellings of one lowercase pair in a document.
type pair struct {
	first map[string]*pairForm // first word as written → uses
}

type pairForm struct {
	n     int
	spans []lint.Span
}

// A lowercase pair must be frequent in its document to set the spelling:
// "research centres" twenty times, not "pounds weight" three times.
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
	"looks": true, "felt": true, "feel": true, "find": true, "found": true, "keep": true, "kept": true,
	"entre": true, "sont": true, "dans": true, "pour": true,
}

func (m *miner) addLower(key []byte, a, b word, existing bool) bool {
	bt := m.text(b)
	if notNouns[string(bt)] || bytes.HasSuffix(bt, []byte("ed")) || bytes.HasSuffix(bt, []byte("ing")) ||
		bytes.HasSuffix(bt, []byte("ly")) || bytes.HasSuffix(bt, []byte("self")) || bytes.HasSuffix(bt, []byte("selves")) {
		return false // a verb or adverb follows: "supports unwinding", "problems existed", "raises himself"
	}
	p := m.pairs[string(key)]
	if p == nil {
		if existing {
			return false
		}
		p = &pair{first: map[string]*pairForm{}}
		m.pairs[string(key)] = p
	}
	f := p.first[string(m.text(a))]
	if f == nil {
		f = &pairForm{}
		p.first[string(m.text(a))] = f
	}
	f.n++
	if len(f.spans) < maxSpans {
		f.spans = append(f.spans, lint.Span{Start: int(a.start), End: int(a.end)})
	}
	return true
}

// lowerFindings reports, within the document, a lowercase pair whose first
// word is inflected ("researches centres") where the uninflected pair
// ("research centres") dominates.
func (m *miner) lowerFindings() {
	for key, p := range m.pairs {
		if len(p.first) < 2 {
			continue
		}
		var dom string
		dn := 0
		for w, f := range p.first {
			if f.n > dn || f.n == dn && w < dom {
				dom, dn = w, f.n
			}
		}
		if dn < pairMinCount || dn < m.opt.MinCount {
			continue
		}
		second := key[strings.IndexByte(key, ' ')+1:]
		for w, f := range p.first {
			if w == dom || dn < max(m.opt.Ratio, pairRatio)*f.n || w != dom+"s" && w != dom+"es" {
				continue
			}
			for _, sp := range f.spans {
				m.fact.Shorts = append(m.fact.Shorts, ShortUse{
					Span: sp, Text: w, Defined: dom,
					Message: fmt.Sprintf("%q is written %q %d times before %q in this document; use one spelling", w, dom, dn, second),
					Fix:     lint.Edit{Start: sp.Start, End: sp.End, NewText: dom},
				})
			}
		}
	}
}

func (m *miner) add(kind PhraseKind, key []byte, start, end int32, last word) {
	raw := m.src[start:end]
	cut, y := 0, false
	if lt := m.text(last); len(lt) > 3 && lt[len(lt)-1] == 's' {
		lower := strings.ToLower(string(lt))
		if strings.HasSuffix(lower, "ies") && len(lower) > 4 {
			cut, y = 3, true // Ladies, Lady
		} else if c := len(lt) - singularLen([]byte(lower)); c > 0 && c <= 3 {
			cut = c
		}
	}
	if cut >= len(raw) {
		cut, y = 0, false
	}
	sp := lint.Span{Start: int(start), End: int(end)}
	// Fast path: the phrase as written needs no spaces collapsed; look it
	// up without building strings.
	if plainText(raw) {
		m.idbuf = append(append(append(append(m.idbuf[:0], m.kindByte(kind)), key...), 0), raw[:len(raw)-cut]...)
		if y {
			m.idbuf = append(m.idbuf, 'y')
		}
		if idx, ok := m.index[string(m.idbuf)]; ok {
			m.bump(idx, sp)
			return
		}
	}
	surface := collapse(raw)
	shape := surface
	if cut > 0 && cut < len(surface) {
		shape = surface[:len(surface)-cut]
		if y {
			shape += "y"
		}
	}
	if strings.Contains(shape, "’") {
		shape = strings.ReplaceAll(shape, "’", "'") // quote style is not the name's
	}
	m.addSurface(kind, string(key), surface, shape, sp)
}

func (m *miner) kindByte(kind PhraseKind) byte {
	if m.loosePhrase {
		return 'L'
	}
	return byte('0' + kind)
}

func (m *miner) bump(idx int, sp lint.Span) {
	s := &m.fact.Spellings[idx]
	s.Count++
	if len(s.Spans) < maxSpans {
		s.Spans = append(s.Spans, sp)
	}
}

// plainText: no run of spaces, line break or other character collapse
// would change.
func plainText(b []byte) bool {
	for i, c := range b {
		if c >= 0x80 || c < ' ' || c == ' ' && (i+1 == len(b) || b[i+1] == ' ' || i == 0) {
			return false
		}
	}
	return true
}

func (m *miner) addSurface(kind PhraseKind, key, surface, shape string, sp lint.Span) {
	m.idbuf = append(append(append(append(m.idbuf[:0], m.kindByte(kind)), key...), 0), shape...)
	idx, ok := m.index[string(m.idbuf)]
	if !ok {
		idx = len(m.fact.Spellings)
		m.fact.Spellings = append(m.fact.Spellings, Mined{Kind: kind, Key: key, Surface: surface, Shape: shape, Loose: m.loosePhrase})
		m.index[string(m.idbuf)] = idx
	}
	s := &m.fact.Spellings[idx]
	s.Count++
	if len(s.Spans) < maxSpans {
		s.Spans = append(s.Spans, sp)
	}
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

func (m *miner) metaFields(meta map[string]any, fm lint.Span) {
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
func findValue(src []byte, fm lint.Span, from int, field, val string) (lint.Span, bool) {
	region := src[from:fm.End]
	k := bytes.Index(region, []byte(field))
	if k < 0 && from == fm.Start {
		return lint.Span{}, false
	}
	if k < 0 {
		k = 0
	}
	rest := region[k:]
	j := bytes.Index(rest, []byte(val))
	if j < 0 {
		return lint.Span{}, false
	}
	s := from + k + j
	return lint.Span{Start: s, End: s + len(val)}, true
}

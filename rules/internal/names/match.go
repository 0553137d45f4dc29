package names

import (
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
)

// A Match is a spelling in the text that is not the glossary's.
type Match struct {
	Start, End int    // the text's bytes
	Text       string // as written, spaces collapsed
	Target     Form   // the accepted form to write instead
	// Known is set when the text is a listed variant: the fix is safe.
	Known bool
	// Near is set when the text is the name with an inner word dropped or
	// its two words swapped.
	Near bool
	// Head: the text is in a title, heading or caption line.
	Head bool
}

// matcher walks one block's words through the trie.
type matcher struct {
	ix    *Index
	src   []byte
	words []word
	head  bool // the words are a headline's, whatever their flags say
	kbuf  []byte
	tbuf  []byte  // judge's collapsed text
	koff  []int32 // per word: start and end in kbuf, -1 until computed
	rkoff []int32 // per word: the same for its raw key
	near  []int8  // per word, key and raw key: 1 it may be a slip (maySlip), -1 not, 0 unknown
	hs    []uint64
	// unpacked holds the words of a Fact while they are matched
	unpacked []word

	start      int
	bestJ      int
	bestNode   int32
	bestEdited bool
}

func (m *matcher) key(j int) []byte {
	if m.koff[2*j] < 0 {
		w := m.words[j]
		s := len(m.kbuf)
		m.kbuf = appendKey(m.kbuf, m.src[w.start:w.end])
		m.koff[2*j], m.koff[2*j+1] = int32(s), int32(len(m.kbuf))
	}
	return m.kbuf[m.koff[2*j]:m.koff[2*j+1]]
}

// rawKey is the key of word j with no plural ending cut: a slip is looked
// for before the cut too (Elils for Ellis, whose key keeps its s).
func (m *matcher) rawKey(j int) []byte {
	if m.rkoff[2*j] < 0 {
		w := m.words[j]
		s := len(m.kbuf)
		m.kbuf = appendKey(m.kbuf, m.src[w.start:w.end])
		if k := m.kbuf[s:]; len(k) > 0 && m.src[w.end-1] == 's' {
			// the key without its cut: lower case, apostrophes dropped
			m.kbuf = m.kbuf[:s]
			for _, c := range m.src[w.start:w.end] {
				switch {
				case c >= 'A' && c <= 'Z':
					m.kbuf = append(m.kbuf, c+'a'-'A')
				case c != '\'':
					m.kbuf = append(m.kbuf, c)
				}
			}
		}
		m.rkoff[2*j], m.rkoff[2*j+1] = int32(s), int32(len(m.kbuf))
	}
	return m.kbuf[m.rkoff[2*j]:m.rkoff[2*j+1]]
}

// rawDiffers: word j, long enough for a slip, lost a plural ending in its
// key.
func (m *matcher) rawDiffers(j int) bool {
	w := m.words[j]
	if int(w.letters) < minSwapLetters || m.src[w.end-1] != 's' || w.letters != uint8(w.end-w.start) {
		return false
	}
	return len(m.rawKey(j)) != len(m.key(j))
}

// Find reports the near misses and known variants of glossary names in the
// prose of doc. Code, URLs, link targets and front matter other than the
// title and description are not prose and are never searched.
func (ix *Index) Find(doc *document.Document, fn func(Match)) {
	if ix == nil || len(ix.Forms) == 0 {
		return
	}
	w := NewWords(doc)
	ix.FindIn(doc, w, nil, fn)
}

// FindIn is Find over the document's words, built already (DocWords),
// with the memory of s (DocScratch; nil for memory of its own).
func (ix *Index) FindIn(doc *document.Document, w *Words, s *Scratch, fn func(Match)) {
	if ix == nil || len(ix.Forms) == 0 {
		return
	}
	if s == nil {
		s = new(Scratch)
	}
	m := &s.match
	defer func() { m.ix, m.src, m.words, m.head = nil, nil, nil, false }()
	m.ix, m.src = ix, doc.Src
	for i, r := range w.blocks {
		// navigation lines are menus, not prose
		if r.nav {
			continue
		}
		for ws := range w.pieces(i) {
			if anyUpper(ws) {
				m.words, m.head = ws, r.head
				m.find(fn) // every match starts at a capitalised word
			}
		}
	}
}

func anyUpper(ws []word) bool {
	for i := range ws {
		if ws[i].flags&wUpper != 0 {
			return true
		}
	}
	return false
}

// FindWords is Find over the words a Fact kept of a document whose source
// is src: the consistency rule matches each document against the names
// mined from all of them, after the documents' tokens are gone. It uses
// the memory of s (nil for memory of its own).
func (ix *Index) FindWords(src []byte, f *Fact, s *Scratch, fn func(Match)) {
	if f = f.load(); ix == nil || len(ix.Forms) == 0 || f == nil || len(f.words) == 0 {
		return
	}
	if s == nil {
		s = new(Scratch)
	}
	m := &s.match
	defer func() {
		m.ix, m.src, m.words = nil, nil, nil
		if cap(m.unpacked) > 1<<16 {
			m.unpacked = nil // do not keep a huge document's words for ever
		}
	}()
	m.unpacked = unpackWords(m.unpacked[:0], f.words, f.nwords)
	m.ix, m.src, m.words = ix, src, m.unpacked
	m.find(fn)
}

// find walks m.words: from each capitalised word, the longest glossary
// match wins and no match starts inside it.
func (m *matcher) find(fn func(Match)) {
	if len(m.words) == 0 {
		return
	}
	m.kbuf = m.kbuf[:0]
	m.koff, m.rkoff, m.near = m.koff[:0], m.rkoff[:0], m.near[:0]
	for range m.words {
		m.koff = append(m.koff, -1, -1)
		m.rkoff = append(m.rkoff, -1, -1)
		m.near = append(m.near, 0, 0)
	}
	for i := 0; i < len(m.words); i++ {
		if !m.words[i].upper() || !m.ix.stopStart && lex.foldClassOf(m.src[m.words[i].start:m.words[i].end])&classStop != 0 {
			continue
		}
		m.start, m.bestJ, m.bestNode, m.bestEdited = i, -1, -1, false
		k := m.key(i)
		if len(k) == 0 {
			continue
		}
		n := m.ix.root[k[0]]
		if n < 0 {
			continue
		}
		m.walk(n, i, 1, false, false)
		if m.rawDiffers(i) {
			m.walk(n, i, 1, false, true)
		}
		if m.bestJ < 0 {
			continue
		}
		if mt, ok := m.judge(i, m.bestJ, m.bestNode, m.bestEdited); ok {
			fn(mt)
		}
		i = m.bestJ
	}
}

const maxWords = 16

// Slips are looked for in words of these many letters at least, counted
// as written, before a plural ending is cut ("Stuies" for "Studies"):
// shorter words are too often other names (Santos and Sato, Raman and
// Rahman).
const (
	minSwapLetters   = 5 // two neighbours swapped: Sicnece
	minDropLetters   = 5 // a letter dropped from a word of six: Haoin for Haolin
	minExtraLetters  = 7 // a letter too many
	minChangeLetters = 8 // a changed letter: Hansen and Hanson are two families
)

func (m *matcher) walk(n int32, j, p int, edited, raw bool) {
	k := m.key(j)
	if raw {
		k = m.rawKey(j)
	}
	// Down the trie along the key as written, as far as it goes; then the
	// slips at each letter, from the deepest back up: the order in which
	// the recursion that this loop replaces took them, on which the
	// choice among matches of equal length depends. Most words are
	// walked only so, with no slip to look for (edited already, or too
	// short): a call a letter showed in profiles.
	noSlips := edited || int(m.words[j].letters) < minSwapLetters
	var stack [32]int32
	nodes := stack[:0] // nodes[d]: the node before letter p0+d
	p0 := p
	for p < len(k) {
		if !noSlips {
			nodes = append(nodes, n)
		}
		next := m.ix.child(n, k[p])
		if next < 0 {
			break
		}
		n, p = next, p+1
	}
	if p == len(k) && (!raw || edited) {
		m.wordEnd(n, j, edited)
	}
	for d := len(nodes) - 1; d >= 0; d-- {
		m.slips(nodes[d], j, p0+d, raw, k)
	}
}

// slips walks on from node n, reached by the letters of key k (word j's)
// before p, as if the word had a slip at letter p: two letters swapped,
// one too many, one dropped or one changed.
func (m *matcher) slips(n int32, j, p int, raw bool, k []byte) {
	c := k[p]
	letters := int(m.words[j].letters)
	// never the first letter of a word, and a word of another name (Rahman
	// beside Raman) is no slip
	if p < 1 || c >= 0x80 || !m.maySlip(j, raw, k) {
		return
	}
	if p+1 < len(k) {
		if a := m.ix.child(n, k[p+1]); a >= 0 {
			if b := m.ix.child(a, c); b >= 0 {
				m.walk(b, j, p+2, true, raw)
			}
		}
	}
	if letters >= minExtraLetters && !raw { // a letter too many at the end is the plural
		m.walk(n, j, p+1, true, raw)
	}
	if letters < minDropLetters {
		return
	}
	for _, e := range m.ix.nodes[n].kids {
		if e.c == c || e.c >= 0x80 {
			continue
		}
		if letters >= minChangeLetters {
			m.walk(e.to, j, p+1, true, raw)
		}
		m.walk(e.to, j, p, true, raw)
	}
}

// maySlip: key, the key of word j (raw: its raw key), is no word of a
// name but one slip from one; the answer is kept for the word, as the
// walk asks at every letter.
func (m *matcher) maySlip(j int, raw bool, key []byte) bool {
	x := 2 * j
	if raw {
		x++
	}
	if m.near[x] == 0 {
		m.near[x] = -1
		if !m.ix.words[string(key)] {
			var ok bool
			if m.hs, ok = m.ix.nearWord(key, m.hs); ok {
				m.near[x] = 1
			}
		}
	}
	return m.near[x] > 0
}

// wordEnd goes on from the end of word j at node n: a form may end here,
// and a longer one may go on with the next word ("and" skipped), or with
// "for" where the text has "of" and the reverse.
func (m *matcher) wordEnd(n int32, j int, edited bool) {
	if len(m.ix.nodes[n].forms) > 0 && (j > m.bestJ || j == m.bestJ && m.bestEdited && !edited) {
		m.bestJ, m.bestNode, m.bestEdited = j, n, edited
	}
	if len(m.ix.nodes[n].kids) == 0 {
		return
	}
	nj := j + 1
	for nj < len(m.words) && m.words[nj].and() && m.words[nj].sep != sepBreak {
		nj++
	}
	if nj >= len(m.words) || m.words[nj].sep == sepBreak || nj-m.start >= maxWords {
		return
	}
	m.walk(n, nj, 0, edited, false)
	if edited {
		return
	}
	if m.rawDiffers(nj) {
		m.walk(n, nj, 0, false, true)
	}
	alt := ""
	switch string(m.key(nj)) {
	case "of":
		alt = "for"
	case "for":
		alt = "of"
	}
	if alt == "" {
		return
	}
	x := n
	for i := 0; i < len(alt) && x >= 0; i++ {
		x = m.ix.child(x, alt[i])
	}
	if x >= 0 {
		m.wordEnd(x, nj, true)
	}
}

// isHead: word j is in a title, heading or caption line.
func (m *matcher) isHead(j int) bool { return m.head || m.words[j].head() }

// judge decides whether the words i..j, which reach glossary forms, are
// written as one of them, as a listed variant, or as a near miss worth
// reporting.
func (m *matcher) judge(i, j int, n int32, edited bool) (Match, bool) {
	ws := m.words
	start, end := int(ws[i].start), int(ws[j].end)
	// Most words that reach a name are the name as the glossary writes
	// it: that is told from the collapsed bytes in m's buffer, and the
	// text becomes a string (the Match's) only past that test.
	m.tbuf = appendCollapse(m.tbuf[:0], m.src[start:end])
	tb := m.tbuf
	forms := m.ix.nodes[n].forms
	for _, fi := range forms {
		f := &m.ix.Forms[fi]
		if (f.Kind == FormName || f.Kind == FormAlias) && f.Surface == string(tb) {
			return Match{}, false
		}
	}
	text := string(tb)
	var known *Form
	for _, fi := range forms {
		f := &m.ix.Forms[fi]
		switch f.Kind {
		case FormName, FormAlias:
			if sameApostrophes(f.Surface, text) {
				return Match{}, false
			}
		case FormVariant:
			if strings.EqualFold(f.Surface, text) {
				known = f
			}
		}
	}
	target, near := m.target(forms, text)
	if target == nil {
		return Match{}, false
	}
	if known != nil {
		return Match{Start: start, End: end, Text: text, Target: *target, Known: true}, true
	}
	words, capped, joins := 0, 0, 0
	for k := i; k <= j; k++ {
		if ws[k].and() {
			joins++
			continue
		}
		words++
		if ws[k].upper() {
			capped++
		}
		if k > i && (ws[k].sep == sepComma || ws[k].sep == sepAmp) {
			joins++
		}
	}
	// More "and", "&" and commas than the name has: two names or a list,
	// "the Go and App Engine teams", "Norway, Peru and Chile".
	if joins > joinsOf(target.Surface) {
		return Match{}, false
	}
	// A possessive inside: "Rust's compiler" is not the Rust Compiler.
	if !strings.ContainsAny(target.Surface, "'’") {
		for k := i; k < j; k++ {
			if ws[k].poss() {
				return Match{}, false
			}
		}
	}
	// The name goes on into a hyphenated word ("a Harbor man-of-letters"), or
	// a hyphen joins its last words before a noun they qualify ("a
	// Harbor-City sailor"): words of another kind.
	if j+1 < len(ws) {
		nx := ws[j+1]
		if nx.sep == sepHyphen {
			return Match{}, false
		}
		// (in a heading the noun is capitalised too: Harbor-City Ferry Times)
		if ws[j].sep == sepHyphen && !strings.Contains(target.Surface, "-") && nx.sep == sepSpace && (nx.lower() || m.isHead(j) && nx.upper()) &&
			lex.foldClassOf(m.src[nx.start:nx.end])&(classStop|classConnector|classLooseVerb|classNotNoun) == 0 {
			return Match{}, false
		}
	}
	// A plural ending on the last word is grammar: "the two Harbor City
	// Museums", "the Miss Brookes".
	if !edited && !near && finalPlural(text, target.Surface) {
		return Match{}, false
	}
	// A one-word name differs only by case or number from ordinary use:
	// Lakesides, LAKESIDE. Only slips and splits are reported.
	if target.words == 1 && words == 1 && !edited {
		return Match{}, false
	}
	// Only the first word capitalised where the name has several, at the
	// start of a sentence: an ordinary phrase ("Science parks are").
	if capped == 1 && words >= 2 && target.capped >= 2 && ws[i].sep == sepBreak && m.ordinaryTail(i, j) {
		return Match{}, false
	}
	// Part of a longer name: "National Academy of Sciences", "Lakeside
	// Institutes Board", "Northfield Harbor Trust".
	if i > 0 && ws[i].sep == sepSpace && ws[i-1].upper() && !stopWords[strings.ToLower(string(m.src[ws[i-1].start:ws[i-1].end]))] {
		return Match{}, false
	}
	// In a title, heading or caption every word is capitalised: the word
	// after says nothing of where the name ends (Firstnamelastname Speech).
	if !m.isHead(i) {
		if j+1 < len(ws) && ws[j+1].sep == sepSpace {
			nx := ws[j+1]
			if nx.upper() {
				return Match{}, false
			}
			nt := string(m.src[nx.start:nx.end])
			if (nt == "of" || nt == "for") && j+2 < len(ws) && ws[j+2].upper() && ws[j+2].sep == sepSpace {
				return Match{}, false
			}
		}
	}
	return Match{Start: start, End: end, Text: text, Target: *target, Near: near, Head: m.isHead(i)}, true
}

// joinsOf counts the "and", "&" and commas of a name.
func joinsOf(s string) int {
	n := strings.Count(s, ",") + strings.Count(s, "&")
	for _, w := range strings.Fields(s) {
		if isAnd([]byte(w)) {
			n++
		}
	}
	return n
}

// ordinaryTail: the lowercase words of i..j are ordinary English, the
// kind institutions are named with (parks, coast, no), not name parts
// (ellis, hao).
func (m *matcher) ordinaryTail(i, j int) bool {
	for k := i + 1; k <= j; k++ {
		w := m.words[k]
		if w.upper() || w.and() {
			continue
		}
		t := strings.ToLower(string(m.src[w.start:w.end]))
		if !stopWords[t] && !connectors[t] && !commonNouns[string(appendKey(nil, []byte(t)))] {
			return false
		}
	}
	return true
}

// commonNouns are words institutions and places are named with; at the
// start of a sentence "Science parks" is ordinary English. Singular keys.
var commonNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`park town coast city county state valley fall height hill bay lake river sea
		harbor harbour port bridge street road square hall house garden museum university college school
		library society center centre council club trust fund foundation association group company office
		department service board committee authority agency bank market station hospital clinic institute
		academy observatory conservatory zoo aquarium orchestra theatre theater gallery studio press news
		daily time paper journal science history art music design technology research study education
		health water marine urban public national international community project program programme
		network alliance partnership forum union league federation institution laboratory lab center
		office team unit division branch region district area village island beach forest mountain
		north south east west new old great little upper lower central grand royal general medical
		natural historical botanical fine polytechnic normal maritime children inc ltd co corp
		day night week month year season festival fair show open`) {
		m[w] = true
	}
	return m
}()

// target picks the accepted form to write: the one of the same entry as a
// listed variant, else the first name or alias, preferring one that differs
// from the text only in case. near: the text reached only a name with a
// word dropped or its words swapped.
func (m *matcher) target(forms []int32, text string) (*Form, bool) {
	var best *Form
	for _, fi := range forms {
		f := &m.ix.Forms[fi]
		if f.Kind == FormVariant || f.Kind == FormNear {
			continue
		}
		if strings.EqualFold(f.Surface, text) {
			return f, false
		}
		if best == nil {
			best = f
		}
	}
	if best != nil {
		return best, false
	}
	// Only variants or near forms share the key: write the entry's name.
	for _, fi := range forms {
		if k := m.ix.nameOf[m.ix.Forms[fi].Entry]; k >= 0 {
			return &m.ix.Forms[k], m.ix.Forms[fi].Kind == FormNear
		}
	}
	return nil, false
}

// sameApostrophes: the texts differ only in straight and curly
// apostrophes, a matter of quote style, not of the name.
func sameApostrophes(a, b string) bool {
	if !strings.ContainsAny(a, "'’") && !strings.ContainsAny(b, "'’") {
		return false
	}
	return strings.ReplaceAll(a, "’", "'") == strings.ReplaceAll(b, "’", "'")
}

// collapse returns text with runs of spaces, no-break spaces and line
// breaks as one space, and without invisible characters.
func collapse(b []byte) string {
	if plainText(b) {
		return string(b)
	}
	return string(appendCollapse(nil, b))
}

// appendCollapse appends collapse(b) to dst.
func appendCollapse(dst, b []byte) []byte {
	if plainText(b) {
		return append(dst, b...)
	}
	start := len(dst)
	space := false
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		i += w
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' || document.IsOddSpace(r) {
			space = true
			continue
		}
		if document.IsInvisible(r) {
			continue // a zero-width space is the invisible-char rule's business
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

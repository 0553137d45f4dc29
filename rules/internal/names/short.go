package names

import (
	"bytes"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// shortDef is a short form a document defines: "(hereinafter referred to
// as the Museum)", "(the “Museum”)", "Harbor City Museum of Science and
// Technology (HCMST)".
type shortDef struct {
	words []string // as written, without the article
	keys  []string
	the   bool
	legal bool // "(hereinafter the Museum)", "(the “Museum”)": one body, named so in a legal style
	end   int  // where the definition ends; uses are looked for after it
}

// definingStarts open a definition: "(hereinafter referred to as the
// Museum)", "(collectively the Partners)"; definingWords may follow.
var (
	definingStarts = map[string]bool{"hereinafter": true, "referred": true, "called": true, "collectively": true, "jointly": true, "together": true, "henceforth": true}
	definingWords  = map[string]bool{"hereinafter": true, "referred": true, "to": true, "as": true, "called": true, "known": true, "below": true, "herein": true}
)

func (m *miner) shortForms(b *document.Block, defs []shortDef) []shortDef {
	toks := m.doc.BlockTokens(b)
	if len(toks) == 0 {
		return defs
	}
	// Every definition is in brackets: the opening ones are found in the
	// bytes, and their tokens by position, so that the block's other
	// tokens are not read.
	end := int(toks[len(toks)-1].End())
	for at, i := int(toks[0].Start), 0; ; {
		k := bytes.IndexByte(m.src[at:end], '(')
		if k < 0 {
			break
		}
		pos := at + k
		at = pos + 1
		i += sort.Search(len(toks)-i, func(n int) bool { return int(toks[i+n].Start) >= pos })
		for i < len(toks) && int(toks[i].Start) == pos && toks[i].Kind() != document.TokPunct {
			i++ // an empty gap token where code was cut out
		}
		if i == len(toks) {
			break
		}
		if int(toks[i].Start) != pos {
			continue // a bracket inside a URL or cut-out markup
		}
		ws := m.defToks[:0]
		close := -1
		quoted := false
		for k := i + 1; k < len(toks) && k < i+24; k++ {
			u := toks[k]
			if u.Kind() == document.TokPunct {
				p := string(m.src[u.Start:u.End()])
				if p == ")" {
					close = k
					break
				}
				if p == "\"" || p == "“" || p == "”" || p == "'" || p == "‘" || p == "’" || p == "," {
					quoted = quoted || p != ","
					continue
				}
				break
			}
			switch u.Kind() {
			case document.TokWord:
				ws = append(ws, u)
			case document.TokSpace:
			default:
				k = len(toks)
			}
		}
		m.defToks = ws
		if close < 0 || len(ws) == 0 {
			continue
		}
		var lb [32]byte
		low := func(t document.Token) []byte { return lowerBytes(lb[:0], m.src[t.Start:t.End()]) }
		defining := definingStarts[string(low(ws[0]))]
		for defining && len(ws) > 0 && (definingStarts[string(low(ws[0]))] || definingWords[string(low(ws[0]))]) {
			ws = ws[1:]
		}
		d := shortDef{end: int(toks[close].End()), legal: defining}
		if len(ws) > 1 && strings.EqualFold(string(m.src[ws[0].Start:ws[0].End()]), "the") {
			d.the = true
			d.legal = d.legal || quoted
			ws = ws[1:]
		}
		if len(ws) == 0 || len(ws) > 4 {
			continue
		}
		ok := true
		for _, w := range ws {
			if !w.Is(document.FlagUpper) || w.Is(document.FlagDigit) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		acronym := len(ws) == 1 && !d.the && isCaps(string(m.src[ws[0].Start:ws[0].End()]))
		if acronym {
			// the name it abbreviates ends right before the bracket
			prev := i - 1
			for prev >= 0 && toks[prev].Kind() == document.TokSpace {
				prev--
			}
			if prev < 0 || toks[prev].Kind() != document.TokWord || !toks[prev].Is(document.FlagUpper) {
				continue
			}
		} else if !defining && !quoted {
			continue // "(the Guards)" in a story is an aside, not a definition
		}
		for _, w := range ws {
			txt := m.src[w.Start:w.End()]
			m.kbuf = appendKey(m.kbuf[:0], txt)
			d.words = append(d.words, string(txt))
			d.keys = append(d.keys, string(m.kbuf))
		}
		defs = append(defs, d)
	}
	return defs
}

func isCaps(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	for _, c := range []byte(s) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// shortUses finds the uses of defined short forms written another way. A
// soft difference (an added article, lower case) is reported when the form as defined
// is at least twice as common in the document: "the RLS" after "(RLS)"
// is ordinary English when the writer always says so.
func (m *miner) shortUses(defs []shortDef) {
	st := &m.shorts
	st.reset()
	st.add(defs)
	for bi, r := range m.w.blocks {
		if !r.body {
			continue
		}
		for ws, end := range m.w.pieces(bi) {
			st.uses(m, ws, end.more)
		}
	}
	st.finish(m)
}

// A shortScan is what finding the uses of a document's short forms keeps
// from one piece of words to the next: the definitions so far, indexed,
// and the uses found, kept for the fact until finish.
type shortScan struct {
	defs []shortDef
	// A word can be a use only with the first letter and about the
	// length of a definition's first word: most words are passed over.
	firsts [256]bool
	lens   uint64 // bit n: a first word of n to n-3 bytes; 63 and longer share a bit
	// byKey: the definitions of each first word, in order of definition
	// (tried latest first), so that a long document with many definitions
	// is not read once per definition.
	byKey       map[string][]int
	seen        map[int]bool
	asDefined   map[int]int // by definition
	articleOnly map[int][]ShortUse
	found       []ShortUse
}

// reset empties the scan for another document, keeping its memory.
func (st *shortScan) reset() {
	st.defs, st.firsts, st.lens = nil, [256]bool{}, 0
	clear(st.byKey)
	clear(st.seen)
	clear(st.asDefined)
	clear(st.articleOnly)
	clear(st.found) // the uses' strings go with the document
	st.found = st.found[:0]
}

// add indexes the definitions of defs not yet indexed (defs extends the
// scan's).
func (st *shortScan) add(defs []shortDef) {
	if st.byKey == nil {
		st.byKey, st.seen, st.asDefined, st.articleOnly = map[string][]int{}, map[int]bool{}, map[int]int{}, map[int][]ShortUse{}
	}
	for di := len(st.defs); di < len(defs); di++ {
		k := defs[di].keys[0]
		st.firsts[k[0]|0x20] = true
		for n := len(k); n <= len(k)+3; n++ {
			st.lens |= 1 << min(n, 63)
		}
		st.byKey[k] = append(st.byKey[k], di)
	}
	st.defs = defs
}

// finish adds the uses found to the fact, those with only an article
// added or dropped when the form as defined is at least twice as common.
func (st *shortScan) finish(m *miner) {
	m.fact.Shorts = append(m.fact.Shorts, st.found...)
	for d, us := range st.articleOnly {
		if st.asDefined[d] >= 2*len(us) {
			m.fact.Shorts = append(m.fact.Shorts, us...)
		}
	}
	st.defs = nil // the document's, not the scratch's
}

// uses looks for the uses of the definitions in one piece of a block's
// words; more: the block goes on after it.
func (st *shortScan) uses(m *miner, ws []word, more bool) {
	var kbuf [64]byte
	kb := kbuf[:0]
	for i := range ws {
		if w := &ws[i]; !st.firsts[w.first] || st.lens&(1<<min(w.end-w.start, 63)) == 0 {
			continue
		}
		t := m.text(ws[i])
		kb = appendKey(kb[:0], t)
		ids := st.byKey[string(kb)]
		for x := len(ids) - 1; x >= 0; x-- {
			di := ids[x]
			d := &st.defs[di]
			if int(ws[i].start) < d.end || len(t) < len(d.keys[0]) || len(t) > len(d.keys[0])+3 || t[0]|0x20 != d.keys[0][0]|0x20 {
				continue
			}
			if i+len(d.keys) > len(ws) {
				if more {
					break // the next piece starts a run: judgeUse would find no use
				}
				continue
			}
			u, ok, article := m.judgeUse(ws, i, d)
			switch {
			case ok && !st.seen[u.Span.Start] && article:
				st.seen[u.Span.Start] = true
				st.articleOnly[di] = append(st.articleOnly[di], u)
			case ok && !st.seen[u.Span.Start]:
				st.seen[u.Span.Start] = true
				st.found = append(st.found, u)
			case !ok && article:
				st.asDefined[di]++
			}
			break
		}
	}
}

func (m *miner) judgeUse(ws []word, i int, d *shortDef) (ShortUse, bool, bool) {
	j := i + len(d.keys) - 1
	var kbuf [64]byte
	kb := kbuf[:0]
	plural, kase := false, false
	for k := 1; k < len(d.keys); k++ {
		if ws[i+k].sep != sepSpace {
			return ShortUse{}, false, false
		}
		kb = appendKey(kb[:0], m.text(ws[i+k]))
		if string(kb) != d.keys[k] {
			return ShortUse{}, false, false
		}
	}
	for k := range d.keys {
		t := string(m.src[ws[i+k].start:ws[i+k].end])
		if t != d.words[k] {
			if strings.EqualFold(t, d.words[k]) {
				kase = true
			} else {
				plural = true
			}
		}
	}
	// part of a longer name: "Harbor City Museum", "Museum Director"
	if i > 0 && ws[i].sep == sepSpace && ws[i-1].upper() && !m.isStop(ws[i-1]) {
		return ShortUse{}, false, false
	}
	if j+1 < len(ws) && ws[j+1].sep == sepSpace && ws[j+1].upper() {
		return ShortUse{}, false, false
	}
	hasThe := i > 0 && ws[i].sep == sepSpace && strings.EqualFold(string(m.text(ws[i-1])), "the")
	// Only the short form in the plural, as capitalised as defined and
	// after "the", is a slip: "the Alliances" for the one Alliance. An
	// article added or dropped, other capitals (the museum night), an
	// acronym's plural (RFCs) and a count (twenty Right Whales) are English.
	acronym := len(d.words) == 1 && isCaps(d.words[0])
	// the plural of a name defined in the singular, in a legal style: not
	// the Summary after (Summaries), nor "the Finbacks" after a chapter's
	// (“Finback”)
	singular := !strings.HasSuffix(d.words[len(d.words)-1], "s")
	if !plural || kase || acronym || !hasThe || !d.legal || !singular {
		return ShortUse{}, false, !plural && !kase
	}
	why := []string{"in the plural"}
	articleOnly := false
	start, end := int(ws[i].start), int(ws[j].end)
	if hasThe {
		start = int(ws[i-1].start)
	}
	def := strings.Join(d.words, " ")
	repl := def
	if d.the {
		art := "the"
		if hasThe && m.src[start] == 'T' {
			art = "The"
		}
		repl = art + " " + def
	}
	display := def
	if d.the {
		display = "the " + def
	}
	return ShortUse{
		Span:    document.Span{Start: start, End: end},
		Text:    collapse(m.src[start:end]),
		Defined: display,
		Why:     strings.Join(why, ", "),
		Fix:     lint.Edit{Start: start, End: end, NewText: repl},
	}, true, articleOnly
}

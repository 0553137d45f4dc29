package names

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
)

// FormKind says what a glossary form is.
type FormKind uint8

// Glossary form kinds.
const (
	FormName    FormKind = iota // the canonical spelling
	FormAlias                   // another accepted form
	FormVariant                 // a known wrong form
	FormNear                    // the name with an inner word dropped, or a person's two names swapped
)

// A Form is one spelling from the glossary, a leading "the" removed.
type Form struct {
	Surface string
	Kind    FormKind
	Entry   int // index in Index.Entries
	words   int // words, "and" not counted
	capped  int // capitalised words
}

type edge struct {
	c  byte
	to int32
}

type node struct {
	kids  []edge
	forms []int32
	dense int32 // index in Index.dense + 1 when the node has many children
}

// An Index finds glossary names and their near misses in text. Keys are
// the forms' normalised words run together (lower case, singular, without
// "and", hyphens, commas and spaces), so that joined and split words,
// plurals, case and connector changes all reach the same trie node; one
// edit is allowed in a long word to catch typing slips.
type Index struct {
	Entries []lint.NameEntry
	Forms   []Form
	root    [256]int32
	nodes   []node
	dense   [][256]int32       // child tables of the nodes with many children
	keys    map[string][]int32 // key → forms, for the consistency rule
	nameOf  []int32            // entry → its FormName, or -1
	words   map[string]bool    // every word of every form, normalised
	// distinct are the sets of names marked as other names that look alike
	distinct [][]string
	// stopStart: some form starts with a stop word (A Rocha); else no
	// match starts at one, and the matcher passes over The, In, After…
	stopStart bool
	// near holds the hashes of the forms' words and of each with one byte
	// left out: a word of the text is one slip from a word of a name only
	// if it or one of its own deletions is in it (a symmetric deletion
	// test), and the matcher looks for slips in no other word.
	near hashSet
	kbuf []byte // a key while the index is built
}

// A hashSet is an open-addressed set of non-zero 64-bit hashes.
type hashSet struct{ slots []uint64 }

func newHashSet(n int) hashSet {
	size := 64
	for size < 2*n {
		size *= 2
	}
	return hashSet{slots: make([]uint64, size)}
}

func (s *hashSet) add(h uint64) {
	h |= 1
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9e3779b97f4a7c15) >> 17 & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			return
		case h:
			return
		}
	}
}

func (s *hashSet) has(h uint64) bool {
	if len(s.slots) == 0 {
		return false
	}
	h |= 1
	mask := uint64(len(s.slots) - 1)
	for i := (h * 0x9e3779b97f4a7c15) >> 17 & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			return false
		case h:
			return true
		}
	}
}

// buildNear fills ix.near from the words of the forms.
func (ix *Index) buildNear() {
	n := 0
	for w := range ix.words {
		n += len(w) + 1
	}
	ix.near = newHashSet(n)
	var hs []uint64
	for w := range ix.words {
		hs = delHashes(hs[:0], w)
		for _, h := range hs {
			ix.near.add(h)
		}
	}
}

// nearWord: key is a word of a name or one slip from one.
func (ix *Index) nearWord(key []byte, hs []uint64) ([]uint64, bool) {
	hs = delHashes(hs[:0], string(key))
	for _, h := range hs {
		if ix.near.has(h) {
			return hs, true
		}
	}
	return hs, false
}

// Distinct reports whether the glossary marks a and b as two names
// (`distinct: [A, B]`).
func (ix *Index) Distinct(a, b string) bool { return ix != nil && isDistinct(ix.distinct, a, b) }

// NewIndex builds the index of a glossary.
func NewIndex(entries []lint.NameEntry) *Index {
	ix := &Index{Entries: entries, keys: make(map[string][]int32, len(entries)), words: map[string]bool{}}
	for i := range ix.root {
		ix.root[i] = -1
	}
	ix.nameOf = make([]int32, len(entries))
	// The forms and their keys first, then the trie: its nodes, counted
	// from the keys, are allocated once at their exact number (a growing
	// slice of them was copied over and over, and an estimate from the
	// names' lengths reserved seven times the nodes a trie of mined names
	// uses).
	var keys []string
	for ei, e := range entries {
		if len(e.Distinct) > 0 {
			d := append([]string{}, e.Distinct...)
			if e.Name != "" {
				d = append(d, e.Name)
			}
			ix.distinct = append(ix.distinct, d)
		}
		ix.nameOf[ei] = int32(len(ix.Forms))
		keys = ix.addForm(keys, ei, e.Name, FormName)
		if int(ix.nameOf[ei]) >= len(ix.Forms) {
			ix.nameOf[ei] = -1
		}
		for _, a := range e.Aliases {
			keys = ix.addForm(keys, ei, a, FormAlias)
		}
		for _, v := range e.Variants {
			keys = ix.addForm(keys, ei, v, FormVariant)
		}
		for _, f := range nearForms(e.Name) {
			keys = ix.addForm(keys, ei, f, FormNear)
		}
	}
	ix.nodes = make([]node, 1, 1+trieNodes(keys))
	for fi, key := range keys {
		ix.insert(key, int32(fi))
	}
	ix.buildNear()
	ix.kbuf = nil
	return ix
}

// trieNodes returns the number of nodes below the root of a trie of keys:
// their distinct prefixes.
func trieNodes(keys []string) int {
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	n, prev := 0, ""
	for _, k := range sorted {
		common := 0
		for common < len(k) && common < len(prev) && k[common] == prev[common] {
			common++
		}
		n += len(k) - common
		prev = k
	}
	return n
}

// nearForms returns the slips of a whole word a name is written with: an
// inner word dropped from a name of four words or more (the Center for
// Studies), and for a person's name, the two names swapped (Berg Anna).
func nearForms(name string) []string {
	ws := strings.Fields(stripThe(name))
	var out []string
	content := 0
	for _, w := range ws {
		if !isAnd([]byte(w)) && w != "&" {
			content++
		}
	}
	if content >= 4 {
		joiner := func(w string) bool { lw := strings.ToLower(w); return connectors[lw] || w == "&" }
		head := commonNouns[string(appendKey(nil, []byte(strings.ToLower(ws[len(ws)-1]))))]
		for i := 1; i < len(ws)-1; i++ {
			if joiner(ws[i]) || joiner(ws[i-1]) && joiner(ws[i+1]) {
				continue
			}
			if head && i == len(ws)-2 {
				continue // Port Aurora University beside Port Aurora Normal University: another one
			}
			out = append(out, strings.Join(append(append([]string{}, ws[:i]...), ws[i+1:]...), " "))
		}
	}
	if len(ws) == 2 && personWord(ws[0]) && personWord(ws[1]) {
		out = append(out, ws[1]+" "+ws[0])
	}
	return out
}

// personWord: a capitalised word of letters that is no common noun or
// stop word: a given or family name (Anna, Berg), not City or Museum.
func personWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	lw := strings.ToLower(w)
	return !stopWords[lw] && !connectors[lw] && !titles[lw] && !commonNouns[string(appendKey(nil, []byte(lw)))]
}

// titles stand before names: King Charles is no Charles King.
var titles = map[string]bool{"king": true, "queen": true, "prince": true, "princess": true, "lord": true, "lady": true,
	"sir": true, "dame": true, "saint": true, "pope": true, "emperor": true, "empress": true, "duke": true,
	"duchess": true, "count": true, "countess": true, "baron": true, "captain": true, "colonel": true,
	"major": true, "sergeant": true, "bishop": true, "father": true, "mother": true, "brother": true,
	"sister": true, "uncle": true, "aunt": true, "miss": true, "madame": true, "monsieur": true, "herr": true,
	"frau": true, "senator": true, "governor": true, "mayor": true, "judge": true, "chief": true}

// Len returns the number of forms indexed.
func (ix *Index) Len() int { return len(ix.Forms) }

// addForm adds a form of entry to ix.Forms, unless its key is empty, and
// its key to keys.
func (ix *Index) addForm(keys []string, entry int, surface string, kind FormKind) []string {
	if !plainText([]byte(surface)) { // else Fields and Join give it back as it is
		surface = strings.Join(strings.Fields(strings.ReplaceAll(surface, "\u00a0", " ")), " ")
	}
	surface = stripThe(surface)
	key, words, capped := PhraseKey(surface)
	if len(key) == 0 {
		return keys
	}
	if first, _, _ := strings.Cut(surface, " "); stopWords[strings.ToLower(first)] {
		ix.stopStart = true
	}
	fi := int32(len(ix.Forms))
	ix.Forms = append(ix.Forms, Form{Surface: surface, Kind: kind, Entry: entry, words: words, capped: capped})
	if kind != FormNear {
		// the words between spaces, hyphens, commas and ampersands: ASCII
		// all, so that a byte is a separator or part of a word
		for rest := surface; rest != ""; {
			i := strings.IndexAny(rest, " -,&")
			w := rest
			if i >= 0 {
				w, rest = rest[:i], rest[i+1:]
			} else {
				rest = ""
			}
			if w == "" {
				continue
			}
			if ix.kbuf = appendKey(ix.kbuf[:0], []byte(w)); !ix.words[string(ix.kbuf)] {
				ix.words[string(ix.kbuf)] = true // a string made only for a new word
			}
		}
		ix.keys[key] = append(ix.keys[key], fi)
	}
	return append(keys, key)
}

// insert adds key, of form fi, to the trie.
func (ix *Index) insert(key string, fi int32) {
	n := ix.root[key[0]]
	if n < 0 {
		n = int32(len(ix.nodes))
		ix.nodes = append(ix.nodes, node{})
		ix.root[key[0]] = n
	}
	for i := 1; i < len(key); i++ {
		c := ix.child(n, key[i])
		if c < 0 {
			c = int32(len(ix.nodes))
			ix.nodes = append(ix.nodes, node{})
			ix.addKid(n, edge{key[i], c})
		}
		n = c
	}
	ix.nodes[n].forms = append(ix.nodes[n].forms, fi)
}

// addKid adds a child to node n. A node with many children gets a direct
// table, as soon as it has them: near the root of a large glossary a
// linear scan of the children costs more than the rest of the walk, and
// more than the rest of the building.
func (ix *Index) addKid(n int32, e edge) {
	nd := &ix.nodes[n]
	nd.kids = append(nd.kids, e)
	switch {
	case nd.dense > 0:
		ix.dense[nd.dense-1][e.c] = e.to
	case len(nd.kids) >= denseKids:
		ix.makeDense(nd)
	}
}

// makeDense gives node nd a direct table of its children.
func (ix *Index) makeDense(nd *node) {
	var t [256]int32
	for i := range t {
		t[i] = -1
	}
	for _, k := range nd.kids {
		t[k.c] = k.to
	}
	ix.dense = append(ix.dense, t)
	nd.dense = int32(len(ix.dense))
}

// denseKids children give a node a direct table.
const denseKids = 6

// child returns the node after byte c, or -1. Node 0 is the root.
func (ix *Index) child(n int32, c byte) int32 {
	if n == 0 {
		return ix.root[c]
	}
	if d := ix.nodes[n].dense; d > 0 {
		return ix.dense[d-1][c]
	}
	for _, e := range ix.nodes[n].kids {
		if e.c == c {
			return e.to
		}
	}
	return -1
}

// FormsForKey returns the forms whose key is key.
func (ix *Index) FormsForKey(key string) []Form {
	var out []Form
	for _, f := range ix.keys[key] {
		out = append(out, ix.Forms[f])
	}
	return out
}

// stripThe removes a leading article: "the Museum" is matched from "Museum".
func stripThe(s string) string {
	if len(s) > 4 && (strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "The ")) {
		return s[4:]
	}
	return s
}

// PhraseKey returns the key of a phrase written as text, with its number of
// words ("and" and "&" not counted) and of capitalised words.
func PhraseKey(s string) (key string, words, capped int) {
	buf := make([]byte, 0, len(s)+8) // a key is no longer than its phrase, but for a plural's y
	for i := 0; i < len(s); {
		// a word runs to the next separator; every separator but the no-break
		// space and the hyphen U+2010 is ASCII
		j := i
		for j < len(s) && !keySep(s, j) {
			if s[j] < utf8.RuneSelf {
				j++
			} else {
				_, n := utf8.DecodeRuneInString(s[j:])
				j += n
			}
		}
		w := s[i:j]
		if j < len(s) {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		i = j
		if w == "" || w == "and" || w == "And" || w == "AND" {
			continue
		}
		words++
		if r := w[0]; r >= 'A' && r <= 'Z' || r >= 0x80 && strings.ToLower(w[:1]) != w[:1] {
			capped++
		}
		buf = appendKey(buf, []byte(w))
	}
	return string(buf), words, capped
}

// keySep: the character at s[i] separates the words of a phrase's key.
func keySep(s string, i int) bool {
	switch c := s[i]; c {
	case ' ', '-', ',', '&', '\t', '\n':
		return true
	case 0xc2: // U+00A0
		return strings.HasPrefix(s[i:], "\u00a0")
	case 0xe2: // U+2010
		return strings.HasPrefix(s[i:], "‐")
	}
	return false
}

// glossary is the index of a project's glossary. The engine keeps it, one
// per engine: its parallel workers all ask as they start, and one of them
// builds it while the others wait.
var glossary = lint.NewProjectValue("names glossary index", func(p *lint.Project) *Index {
	if p == nil || len(p.Names) == 0 {
		return nil
	}
	return NewIndex(p.Names)
})

// IndexFor returns the index of the pass's glossary, nil when it has none.
func IndexFor(pass *lint.Pass) *Index { return glossary.Get(pass) }

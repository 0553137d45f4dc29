// Package matcher finds many literal strings in text at once: an
// Aho-Corasick automaton built once a run for every style rule, and the
// literal words a regular expression's every match must contain, so that a
// pattern runs only where one of them occurs.
package matcher

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// Automaton is a deterministic Aho-Corasick automaton over bytes, ASCII
// letters folded to lower case. It is immutable once built and safe for
// concurrent use.
type Automaton struct {
	class    [256]uint8 // byte → column; 0 for bytes no pattern holds
	nclass   int
	next     []int32 // next[state*nclass+class]
	out      []int32 // first output of a state in outs, -1 when none
	outs     []output
	dictLink []int32 // nearest suffix state with outputs, -1 when none
	report   []bool  // the state or a suffix of it ends a literal
}

type output struct {
	id   int32
	next int32 // next output of the same state, -1 at the end
}

// Builder collects patterns for an Automaton.
type Builder struct {
	pats []string
	ids  []int32
}

// Add registers a literal with an ID; several literals may share one ID and
// one literal may carry several IDs. The literal is matched with ASCII
// letters folded; other bytes must match exactly.
func (b *Builder) Add(lit string, id int32) {
	if lit == "" {
		return
	}
	b.pats = append(b.pats, lit)
	b.ids = append(b.ids, id)
}

func fold(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Build makes the automaton. Building is linear in the total length of the
// literals times the number of distinct bytes they hold.
func (b *Builder) Build() *Automaton {
	a := &Automaton{}
	// Columns only for the bytes the literals hold: a dense table of 256
	// columns for 100,000 states would be 100 MB.
	for _, p := range b.pats {
		for i := 0; i < len(p); i++ {
			c := fold(p[i])
			if a.class[c] == 0 {
				a.nclass++
				a.class[c] = uint8(a.nclass)
				if a.nclass == 255 {
					break
				}
			}
		}
	}
	for c := 'A'; c <= 'Z'; c++ {
		a.class[c] = a.class[c+'a'-'A']
	}
	a.nclass++ // column 0: bytes in no literal
	nc := a.nclass
	// Inserted in sorted order, the trie's size is known before it is
	// built (each literal adds what it does not share with the one before)
	// and rows are written in order: a table grown row by row, or written
	// at random, would make the copying and cache misses most of the build
	// of a long list.
	order := make([]int, len(b.pats))
	folded := make([]string, len(b.pats))
	for i, p := range b.pats {
		order[i] = i
		folded[i] = asciiLower(p)
	}
	sort.Slice(order, func(i, j int) bool { return folded[order[i]] < folded[order[j]] })
	total, prev := 1, ""
	for _, k := range order {
		p := folded[k]
		common := 0
		for common < len(p) && common < len(prev) && p[common] == prev[common] {
			common++
		}
		total += len(p) - common
		prev = p
	}
	a.next = make([]int32, total*nc)
	a.out = append(make([]int32, 0, total), -1)
	newState := func() int32 {
		a.out = append(a.out, -1)
		return int32(len(a.out) - 1)
	}
	// The trie: 0 in next means "no edge" while building (the root is
	// never a child).
	for _, k := range order {
		p := b.pats[k]
		s := int32(0)
		for i := 0; i < len(p); i++ {
			col := int(a.class[p[i]])
			if col == 0 { // more than 254 distinct bytes: never matches
				s = -1
				break
			}
			t := a.next[int(s)*nc+col]
			if t == 0 {
				t = newState()
				a.next[int(s)*nc+col] = t
			}
			s = t
		}
		if s < 0 {
			continue
		}
		a.outs = append(a.outs, output{id: b.ids[k], next: a.out[s]})
		a.out[s] = int32(len(a.outs) - 1)
	}
	n := len(a.out)
	a.next = a.next[: n*nc : n*nc]
	a.dictLink = make([]int32, n)
	fail := make([]int32, n)
	queue := make([]int32, 0, n)
	var kids [][2]int32
	for col := 0; col < nc; col++ {
		if t := a.next[col]; t != 0 {
			fail[t] = 0
			queue = append(queue, t)
		}
	}
	a.dictLink[0] = -1
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := fail[s]
		if a.out[f] >= 0 {
			a.dictLink[s] = f
		} else {
			a.dictLink[s] = a.dictLink[f]
		}
		if s == 0 {
			continue
		}
		// The row becomes its failure state's row with the state's own
		// children on top: one copy instead of a test a column, since
		// most states have one child.
		row := a.next[int(s)*nc : int(s)*nc+nc]
		frow := a.next[int(f)*nc : int(f)*nc+nc]
		kids = kids[:0]
		for col, t := range row {
			if t != 0 {
				kids = append(kids, [2]int32{int32(col), t})
			}
		}
		copy(row, frow)
		for _, k := range kids {
			row[k[0]] = k[1]
			fail[k[1]] = frow[k[0]]
			queue = append(queue, k[1])
		}
	}
	// The table is rewritten for the scan: each entry holds the next
	// state's row offset (state times columns), shifted left, with the
	// low bit set when that state or a suffix of it ends a literal, so
	// that the loop needs neither a multiplication nor a look at the
	// outputs of most states.
	a.report = make([]bool, n)
	for st := 0; st < n; st++ {
		a.report[st] = a.out[st] >= 0 || a.dictLink[st] >= 0
	}
	for i, t := range a.next {
		v := t * int32(nc) << 1
		if a.report[t] {
			v |= 1
		}
		a.next[i] = v
	}
	return a
}

// States reports the automaton's size, for benchmarks and tests.
func (a *Automaton) States() int { return len(a.out) }

// Scan calls fn for every occurrence of every literal in text, with the
// literal's ID and the byte offset just past the occurrence, in order of
// end offset.
func (a *Automaton) Scan(text []byte, fn func(id int32, end int)) {
	if a == nil || len(a.out) <= 1 {
		return
	}
	nc := int32(a.nclass)
	next, class, out := a.next, &a.class, a.out
	row := int32(0) // the current state's row offset
	for i := 0; i < len(text); i++ {
		v := next[row+int32(class[text[i]])]
		row = v >> 1
		if v&1 == 0 {
			continue
		}
		for t := row / nc; t >= 0; t = a.dictLink[t] {
			for o := out[t]; o >= 0; o = a.outs[o].next {
				fn(a.outs[o].id, i+1)
			}
		}
	}
}

// asciiLower folds ASCII letters only, as the automaton does.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				b[j] = fold(b[j])
			}
			return string(b)
		}
	}
	return s
}

// HasCasedNonASCII reports whether s holds a letter outside ASCII that has
// another case: the automaton, folding ASCII only, cannot find it
// case-insensitively.
func HasCasedNonASCII(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (unicode.ToUpper(r) != r || unicode.ToLower(r) != r) {
			return true
		}
	}
	return false
}

package names

import (
	"sort"
	"strings"

	"github.com/copydesk/copydesk/lint"
)

// A Location is where a spelling was seen.
type Location struct {
	Path string
	Span lint.Span
}

// A Spelling is one written form of a name across the corpus.
type Spelling struct {
	Surface   string
	Count     int
	Docs      int
	Locations []Location // the first few per document
	loose     bool       // only ever seen run on by a lowercase word
}

// A Group is the spellings of one name: the dominant one and the variants
// to report.
type Group struct {
	Kind     PhraseKind
	Key      string
	Dominant Spelling
	Variants []Spelling
	// Glossary is set when the dominant form comes from the glossary.
	Glossary bool
	Entry    string // the glossary entry's source, when Glossary
}

// GroupOptions set when one spelling dominates.
type GroupOptions struct {
	MinCount int    // the dominant form is seen at least this often
	Ratio    int    // and at least this many times as often as a variant
	Index    *Index // glossary names and aliases always dominate; may be nil
}

type keyID struct {
	kind PhraseKind
	key  string
}

type agg struct {
	total     int
	proper    int // occurrences that are not loose
	spellings map[string]*Spelling
	lastDoc   map[string]int
}

// Groups gathers the mined spellings of a corpus by key, adds near misses
// (one changed letter in a long word) to the key they slipped from, and
// returns the groups in which one spelling dominates the others. Its cost
// grows with the number of distinct spellings, not with the text.
func Groups(paths []string, facts []*Fact, opt GroupOptions) []Group {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.Ratio <= 0 {
		opt.Ratio = 3
	}
	all := map[keyID]*agg{}
	for di, f := range facts {
		if f == nil {
			continue
		}
		for _, s := range f.Spellings {
			id := keyID{s.Kind, s.Key}
			a := all[id]
			if a == nil {
				a = &agg{spellings: map[string]*Spelling{}, lastDoc: map[string]int{}}
				all[id] = a
			}
			a.total += s.Count
			if !s.Loose {
				a.proper += s.Count
			}
			shape := s.Shape
			if shape == "" {
				shape = s.Surface
			}
			sp := a.spellings[shape]
			if sp == nil {
				sp = &Spelling{Surface: s.Surface, loose: true}
				a.spellings[shape] = sp
				a.lastDoc[shape] = -1
			}
			sp.loose = sp.loose && s.Loose
			sp.Count += s.Count
			if a.lastDoc[shape] != di {
				sp.Docs++
				a.lastDoc[shape] = di
			}
			for _, x := range s.Spans {
				sp.Locations = append(sp.Locations, Location{Path: paths[di], Span: x})
			}
		}
	}
	mergeSlips(all, opt)
	var out []Group
	for id, a := range all {
		inGlossary := opt.Index != nil && id.kind == KindProper && len(opt.Index.keys[id.key]) > 0
		if a == nil || !inGlossary && (a.proper == 0 || len(a.spellings) < 2) {
			continue
		}
		if g, ok := group(id, a, opt); ok {
			out = append(out, g)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Dominant.Count != out[j].Dominant.Count {
			return out[i].Dominant.Count > out[j].Dominant.Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func group(id keyID, a *agg, opt GroupOptions) (Group, bool) {
	sps := make([]*Spelling, 0, len(a.spellings))
	for _, s := range a.spellings {
		sps = append(sps, s)
	}
	sort.Slice(sps, func(i, j int) bool {
		if sps[i].Count != sps[j].Count {
			return sps[i].Count > sps[j].Count
		}
		return sps[i].Surface < sps[j].Surface
	})
	g := Group{Kind: id.kind, Key: id.key}
	if opt.Index != nil && id.kind == KindProper {
		if forms := opt.Index.keys[id.key]; len(forms) > 0 {
			accepted := map[string]bool{}
			var dom *Form
			for _, fi := range forms {
				f := &opt.Index.Forms[fi]
				if f.Kind != FormVariant {
					accepted[f.Surface] = true
					if dom == nil {
						dom = f
					}
				}
			}
			if dom != nil {
				g.Glossary = true
				g.Entry = opt.Index.Entries[dom.Entry].Source
				g.Dominant = Spelling{Surface: dom.Surface}
				if s := a.spellings[dom.Surface]; s != nil {
					g.Dominant = *s
					g.Dominant.Surface = dom.Surface
				}
				for shape, s := range a.spellings {
					if !accepted[shape] && !accepted[s.Surface] && !lowerOnly(s.Surface) {
						g.Variants = append(g.Variants, *s)
					}
				}
				sortSpellings(g.Variants)
				return g, len(g.Variants) > 0
			}
		}
	}
	// Loose spellings ("Ingrid ellis") are never dominant.
	di := 0
	for di < len(sps) && sps[di].loose {
		di++
	}
	if di == len(sps) {
		return g, false
	}
	dom := sps[di]
	for k, s := range sps {
		if k != di && !s.loose && s.Count == dom.Count {
			return g, false // a tie: no spelling dominates
		}
	}
	g.Dominant = *dom
	for k, s := range sps {
		if k == di {
			continue
		}
		switch id.kind {
		case KindMeta:
			g.Variants = append(g.Variants, *s)
		default:
			if strings.Contains(s.Surface, ",") && !strings.Contains(dom.Surface, " and ") && !strings.Contains(dom.Surface, "&") {
				continue // "Rust, APIs" is a list, not "Rust APIs"; a comma stands for "and" only
			}
			if dom.Count >= opt.MinCount && dom.Count >= opt.Ratio*s.Count {
				g.Variants = append(g.Variants, *s)
			}
		}
	}
	sortSpellings(g.Variants)
	return g, len(g.Variants) > 0
}

func sortSpellings(s []Spelling) {
	sort.Slice(s, func(i, j int) bool {
		if s[i].Count != s[j].Count {
			return s[i].Count > s[j].Count
		}
		return s[i].Surface < s[j].Surface
	})
}

// lowerOnly: a proper phrase mined all lower case cannot happen; kept for
// safety with glossary keys of ordinary words.
func lowerOnly(s string) bool { return strings.ToLower(s) == s }

// mergeSlips moves the spellings of a rare key that is one edit away from
// a frequent key, inside a word of six letters or more, into that key.
func mergeSlips(all map[keyID]*agg, opt GroupOptions) {
	// A deletion neighbourhood index over hashes: a key and each of its
	// one-letter deletions point at the frequent keys they come from.
	dels := map[uint64][]string{}
	for id, a := range all {
		if id.kind != KindProper || len(id.key) < 7 || a.proper < opt.MinCount {
			continue
		}
		dels[delHash(id.key, -1)] = append(dels[delHash(id.key, -1)], id.key)
		for i := range len(id.key) {
			h := delHash(id.key, i)
			dels[h] = append(dels[h], id.key)
		}
	}
	if len(dels) == 0 {
		return
	}
	type move struct{ from, to string }
	var moves []move
	for id, a := range all {
		if id.kind != KindProper || len(id.key) < 6 || a.proper == 0 {
			continue
		}
		best, bestTotal := "", 0
		try := func(h uint64) {
			for _, d := range dels[h] {
				if d == id.key {
					continue
				}
				t := all[keyID{KindProper, d}].total
				if t >= opt.MinCount && t >= opt.Ratio*a.total && t > bestTotal && oneEdit(id.key, d) && slipInLongWord(a, id.key, d) &&
					(!singleWord(a) || innerSlip(id.key, d)) {
					best, bestTotal = d, t
				}
			}
		}
		try(delHash(id.key, -1))
		for i := range len(id.key) {
			try(delHash(id.key, i))
		}
		if best != "" {
			moves = append(moves, move{id.key, best})
		}
	}
	for _, mv := range moves {
		from, to := all[keyID{KindProper, mv.from}], all[keyID{KindProper, mv.to}]
		if from == nil || to == nil {
			continue
		}
		for s, sp := range from.spellings {
			if old := to.spellings[s]; old != nil {
				old.Count += sp.Count
				old.Docs += sp.Docs
				old.Locations = append(old.Locations, sp.Locations...)
				continue
			}
			to.spellings[s] = sp
		}
		delete(all, keyID{KindProper, mv.from})
	}
}

func singleWord(a *agg) bool {
	for _, sp := range a.spellings {
		return !strings.ContainsAny(sp.Surface, " -,&")
	}
	return false
}

// delHash hashes key with the byte at skip left out (FNV-1a); -1 keeps all.
func delHash(key string, skip int) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		if i == skip {
			continue
		}
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return h
}

// oneEdit reports whether a and b differ by one inserted, deleted or
// changed byte, or two swapped neighbours.
func oneEdit(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

// innerSlip: for a one-word name, only a letter dropped, added or swapped
// inside the word counts (Lakesde); a changed letter or an ending makes
// another word (Rustiest, Russian, Outreachy).
func innerSlip(a, b string) bool {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	n := min(len(a), len(b))
	if i < 2 || i > n-2 {
		return false
	}
	if len(a) == len(b) {
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i]
	}
	return true
}

// slipInLongWord: the difference falls inside a word of six letters or
// more of the rare spelling and not at its end, so "Julia"/"Julie",
// "Berg"/"Borg" and "Directors"/"Directories" stay apart.
func slipInLongWord(a *agg, key, other string) bool {
	i := 0
	for i < len(key) && i < len(other) && key[i] == other[i] {
		i++
	}
	for _, sp := range a.spellings {
		off := 0
		for _, w := range strings.FieldsFunc(sp.Surface, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '&' }) {
			if w == "and" {
				continue
			}
			n := len(appendKey(nil, []byte(w)))
			if i >= off && i < off+n || i == off+n && len(key) < len(other) {
				pos := i - off
				if n < 6 || pos < 1 {
					return false
				}
				if len(key) < len(other) {
					return pos < n // a letter dropped before the last one
				}
				return pos < n-1
			}
			off += n
		}
		return false
	}
	return false
}

// Frequent returns the capitalised phrases of two words or more seen at
// least min times in the facts, each in its most frequent spelling, sorted:
// a glossary of what a corpus calls its names.
func Frequent(facts []*Fact, min int) []string {
	type best struct {
		surface string
		n, all  int
	}
	by := map[string]map[string]int{}
	for _, f := range facts {
		if f == nil {
			continue
		}
		for _, s := range f.Spellings {
			if s.Kind != KindProper || s.Loose || !strings.Contains(s.Surface, " ") {
				continue
			}
			m := by[s.Key]
			if m == nil {
				m = map[string]int{}
				by[s.Key] = m
			}
			m[s.Surface] += s.Count
		}
	}
	var out []string
	for _, m := range by {
		var b best
		for s, n := range m {
			b.all += n
			if n > b.n || n == b.n && s < b.surface {
				b.surface, b.n = s, n
			}
		}
		if b.all >= min {
			out = append(out, b.surface)
		}
	}
	sort.Strings(out)
	return out
}

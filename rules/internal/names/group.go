package names

import (
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/document"
)

// A Location is where a spelling was seen.
type Location struct {
	Path string
	Span document.Span
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
	// Kinds limits the groups to spellings of these kinds; all when empty.
	Kinds []PhraseKind
}

// Groups gathers the mined spellings of a corpus by key, adds near misses
// (one changed letter in a long word) to the key they slipped from, and
// returns the groups in which one spelling dominates the others. Its cost
// grows with the number of distinct spellings, not with the text.
//
// It counts first and looks for places last: a spelling's occurrences are
// a list of references to the documents' mined values, and only the
// spellings of the groups returned have their Locations made.
func Groups(paths []string, facts []*Fact, opt GroupOptions) []Group {
	if opt.MinCount <= 0 {
		opt.MinCount = 3
	}
	if opt.Ratio <= 0 {
		opt.Ratio = 3
	}
	g := &grouper{opt: opt, paths: paths, facts: facts}
	g.count()
	g.mergeSlips()
	var out []Group
	var sps []int32
	for ai := range g.aggs {
		a := &g.aggs[ai]
		if a.gone {
			continue
		}
		if len(opt.Kinds) > 0 && !slices.Contains(opt.Kinds, a.kind) {
			continue
		}
		inGlossary := opt.Index != nil && a.kind == KindProper && len(opt.Index.keys[a.key]) > 0
		if !inGlossary && (a.proper == 0 || a.n < 2) {
			continue
		}
		sps = sps[:0]
		for si := a.first; si >= 0; si = g.tallies[si].next {
			sps = append(sps, si)
		}
		if gr, ok := g.group(a, sps); ok {
			out = append(out, gr)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Dominant.Count != out[j].Dominant.Count {
			return out[i].Dominant.Count > out[j].Dominant.Count
		}
		if out[i].Key != out[j].Key {
			return out[i].Key < out[j].Key
		}
		return out[i].Kind < out[j].Kind // a name and a front matter value may share a key
	})
	return out
}

// A grouper holds the keys of a corpus and their spellings in slices, by
// index: most keys have one spelling, and a map per key would cost more
// than the counting.
type grouper struct {
	opt     GroupOptions
	paths   []string
	facts   []*Fact
	aggs    []agg
	order   []int32   // aggs as the corpus first shows them
	slots   []aggSlot // open-addressed (kind, key) → aggs, at most half full
	tallies []tally
	refs    []ref
}

// An aggSlot holds a key's hash beside its index, so that a probe reads
// no agg but the one it finds.
type aggSlot struct {
	hash uint64
	agg  int32 // index + 1; 0 when empty
}

// An agg is one key's spellings.
type agg struct {
	kind        PhraseKind
	key         string
	total       int
	proper      int   // occurrences that are not loose
	first, last int32 // its spellings, a list through tally.next
	n           int   // spellings
	byShape     map[string]int32
	gone        bool // merged into the key it slipped from
}

// A tally is one spelling of a key while grouping.
type tally struct {
	shape, surface string
	count, docs    int
	lastDoc        int
	loose          bool  // only ever seen run on by a lowercase word
	next           int32 // the key's next spelling
	head, tail     int32 // its occurrences, a list through ref.next
}

// A ref is the mined value of a spelling in one document.
type ref struct {
	doc, mined int32
	next       int32
}

// manyShapes: beyond this many spellings a key finds them by a map.
const manyShapes = 8

var groupSeed = maphash.MakeSeed()

// count adds up the mined spellings by key and shape. The keys are shared
// out among goroutines (shareOf), each reading every document and counting
// its own keys; the shares are then put end to end, and order lists the
// keys as the corpus first shows them, whatever the number of shares.
func (g *grouper) count() {
	n := 0
	for _, f := range g.facts {
		if f = f.load(); f != nil {
			n += len(f.spells)
		}
	}
	shares := min(runtime.GOMAXPROCS(0), 8)
	if n < 1<<14 {
		shares = 1
	}
	parts := make([]grouper, shares)
	var wg sync.WaitGroup
	for k := range parts {
		parts[k].facts, parts[k].opt = g.facts, g.opt
		wg.Go(func() { parts[k].countShare(n/shares, k, shares) })
	}
	wg.Wait()
	if shares == 1 {
		g.aggs, g.tallies, g.refs = parts[0].aggs, parts[0].tallies, parts[0].refs
		g.order = make([]int32, len(g.aggs))
		for i := range g.order {
			g.order[i] = int32(i)
		}
		return
	}
	var na, nt, nr int
	for k := range parts {
		na, nt, nr = na+len(parts[k].aggs), nt+len(parts[k].tallies), nr+len(parts[k].refs)
	}
	g.aggs, g.tallies, g.refs = make([]agg, 0, na), make([]tally, 0, nt), make([]ref, 0, nr)
	base := make([]int32, shares) // where each share's keys start
	shift := func(i *int32, by int32) {
		if *i >= 0 {
			*i += by
		}
	}
	for k := range parts {
		p := &parts[k]
		tb, rb := int32(len(g.tallies)), int32(len(g.refs))
		base[k] = int32(len(g.aggs))
		for _, r := range p.refs {
			shift(&r.next, rb)
			g.refs = append(g.refs, r)
		}
		for _, t := range p.tallies {
			shift(&t.next, tb)
			shift(&t.head, rb)
			shift(&t.tail, rb)
			g.tallies = append(g.tallies, t)
		}
		for _, a := range p.aggs {
			shift(&a.first, tb)
			shift(&a.last, tb)
			if a.byShape != nil {
				for sh, t := range a.byShape {
					a.byShape[sh] = t + tb
				}
			}
			g.aggs = append(g.aggs, a)
		}
	}
	// Each share has its keys in the order they came: merge them by the
	// place of their first spelling's first occurrence.
	first := func(ai int32) ref { return g.refs[g.tallies[g.aggs[ai].first].head] }
	next := make([]int32, shares)
	g.order = make([]int32, 0, na)
	for len(g.order) < na {
		best := -1
		var br ref
		for k := range parts {
			if int(next[k]) == len(parts[k].aggs) {
				continue
			}
			r := first(base[k] + next[k])
			if best < 0 || r.doc < br.doc || r.doc == br.doc && r.mined < br.mined {
				best, br = k, r
			}
		}
		g.order = append(g.order, base[best]+next[best])
		next[best]++
	}
}

// countShare counts the keys of share k of shares.
func (g *grouper) countShare(n, k, shares int) {
	g.refs = make([]ref, 0, n+n/8)
	g.slots = make([]aggSlot, 1024)
	for di, f := range g.facts {
		if f = f.load(); f == nil {
			continue
		}
		for mi := range f.spells {
			s := &f.spells[mi]
			key := f.str(s.key)
			if shares > 1 && shareOf(key, shares) != k || len(g.opt.Kinds) > 0 && !slices.Contains(g.opt.Kinds, s.kind) {
				continue
			}
			ai := g.aggFor(maphash.String(groupSeed, key)^uint64(s.kind), s.kind, key)
			a := &g.aggs[ai]
			a.total += int(s.count)
			if !s.loose {
				a.proper += int(s.count)
			}
			surface := f.str(s.surface)
			shape := f.str(s.shape)
			if shape == "" {
				shape = surface
			}
			si := g.spellFor(a, shape, surface)
			sp := &g.tallies[si]
			sp.loose = sp.loose && s.loose
			sp.count += int(s.count)
			if sp.lastDoc != di {
				sp.docs++
				sp.lastDoc = di
			}
			r := int32(len(g.refs))
			g.refs = append(g.refs, ref{doc: int32(di), mined: int32(mi), next: -1})
			if sp.tail >= 0 {
				g.refs[sp.tail].next = r
			} else {
				sp.head = r
			}
			sp.tail = r
		}
	}
}

// shareOf returns the share a key is counted in: cheap, so that a share
// passes over the others' keys without hashing them.
func shareOf(key string, shares int) int {
	if key == "" {
		return 0
	}
	return (len(key)*31 + int(key[len(key)/2])) % shares
}

// aggFor returns the index of the key, of hash h, added if new.
func (g *grouper) aggFor(h uint64, kind PhraseKind, key string) int32 {
	mask := uint64(len(g.slots) - 1)
	i := h & mask
	for ; g.slots[i].agg != 0; i = (i + 1) & mask {
		if s := g.slots[i]; s.hash == h {
			if a := &g.aggs[s.agg-1]; a.kind == kind && a.key == key {
				return s.agg - 1
			}
		}
	}
	g.aggs = append(g.aggs, agg{kind: kind, key: key, first: -1, last: -1})
	g.slots[i] = aggSlot{h, int32(len(g.aggs))}
	if 2*len(g.aggs) > len(g.slots) {
		old := g.slots
		g.slots = make([]aggSlot, 2*len(old))
		mask = uint64(len(g.slots) - 1)
		for _, s := range old {
			if s.agg != 0 {
				j := s.hash & mask
				for g.slots[j].agg != 0 {
					j = (j + 1) & mask
				}
				g.slots[j] = s
			}
		}
	}
	return int32(len(g.aggs) - 1)
}

// spellFor returns the index of the key's spelling of shape, added with
// surface if new.
func (g *grouper) spellFor(a *agg, shape, surface string) int32 {
	if a.byShape != nil {
		if si, ok := a.byShape[shape]; ok {
			return si
		}
	} else {
		for si := a.first; si >= 0; si = g.tallies[si].next {
			if g.tallies[si].shape == shape {
				return si
			}
		}
	}
	si := int32(len(g.tallies))
	g.tallies = append(g.tallies, tally{shape: shape, surface: surface, loose: true, lastDoc: -1, next: -1, head: -1, tail: -1})
	g.link(a, si)
	return si
}

// link appends spelling si to the key's list.
func (g *grouper) link(a *agg, si int32) {
	g.tallies[si].next = -1
	if a.last >= 0 {
		g.tallies[a.last].next = si
	} else {
		a.first = si
	}
	a.last = si
	a.n++
	switch {
	case a.byShape != nil:
		a.byShape[g.tallies[si].shape] = si
	case a.n > manyShapes:
		a.byShape = make(map[string]int32, 2*a.n)
		for s := a.first; s >= 0; s = g.tallies[s].next {
			a.byShape[g.tallies[s].shape] = s
		}
	}
}

// shapeOf returns the key's spelling of shape, or -1.
func (g *grouper) shapeOf(a *agg, shape string) int32 {
	if a.byShape != nil {
		if si, ok := a.byShape[shape]; ok {
			return si
		}
		return -1
	}
	for si := a.first; si >= 0; si = g.tallies[si].next {
		if g.tallies[si].shape == shape {
			return si
		}
	}
	return -1
}

// spelling returns spelling si as a Spelling with its locations: the
// first maxSpans of each document, in document order, then those of the
// spellings merged into it, in the order they were.
func (g *grouper) spelling(si int32) Spelling {
	sp := &g.tallies[si]
	out := Spelling{Surface: sp.surface, Count: sp.count, Docs: sp.docs, loose: sp.loose}
	n := 0
	for r := sp.head; r >= 0; r = g.refs[r].next {
		n += int(g.facts[g.refs[r].doc].spells[g.refs[r].mined].nspans)
	}
	if n == 0 {
		return out // no spans were kept: no locations, as ever
	}
	out.Locations = make([]Location, 0, n)
	for r := sp.head; r >= 0; r = g.refs[r].next {
		rf := &g.refs[r]
		f := g.facts[rf.doc]
		for _, x := range f.spansOf(&f.spells[rf.mined]) {
			out.Locations = append(out.Locations, Location{Path: g.paths[rf.doc], Span: document.Span{Start: int(x.start), End: int(x.end)}})
		}
	}
	return out
}

// group returns the group of key a, whose spellings are ids, if one
// spelling dominates the others.
func (g *grouper) group(a *agg, ids []int32) (Group, bool) {
	sort.Slice(ids, func(i, j int) bool {
		si, sj := &g.tallies[ids[i]], &g.tallies[ids[j]]
		if si.count != sj.count {
			return si.count > sj.count
		}
		return si.surface < sj.surface
	})
	opt := g.opt
	gr := Group{Kind: a.kind, Key: a.key}
	if opt.Index != nil && a.kind == KindProper {
		if forms := opt.Index.keys[a.key]; len(forms) > 0 {
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
				gr.Glossary = true
				gr.Entry = opt.Index.Entries[dom.Entry].Source
				var vars []int32
				for _, si := range ids {
					s := &g.tallies[si]
					if !accepted[s.shape] && !accepted[s.surface] && !lowerOnly(s.surface) {
						vars = append(vars, si)
					}
				}
				if len(vars) == 0 {
					return gr, false
				}
				gr.Dominant = Spelling{Surface: dom.Surface}
				if si := g.shapeOf(a, dom.Surface); si >= 0 {
					gr.Dominant = g.spelling(si)
					gr.Dominant.Surface = dom.Surface
				}
				for _, si := range vars {
					gr.Variants = append(gr.Variants, g.spelling(si))
				}
				sortSpellings(gr.Variants)
				return gr, true
			}
		}
	}
	// Loose spellings ("Ingrid ellis") are never dominant.
	di := 0
	for di < len(ids) && g.tallies[ids[di]].loose {
		di++
	}
	if di == len(ids) {
		return gr, false
	}
	dom := &g.tallies[ids[di]]
	for k, si := range ids {
		if s := &g.tallies[si]; k != di && !s.loose && s.count == dom.count {
			return gr, false // a tie: no spelling dominates
		}
	}
	var vars []int32
	for k, si := range ids {
		if k == di {
			continue
		}
		s := &g.tallies[si]
		switch a.kind {
		case KindMeta:
			vars = append(vars, si)
		default:
			if strings.Contains(s.surface, ",") && !strings.Contains(dom.surface, " and ") && !strings.Contains(dom.surface, "&") {
				continue // "Rust, APIs" is a list, not "Rust APIs"; a comma stands for "and" only
			}
			if dom.count >= opt.MinCount && dom.count >= opt.Ratio*s.count {
				vars = append(vars, si)
			}
		}
	}
	if len(vars) == 0 {
		return gr, false
	}
	gr.Dominant = g.spelling(ids[di])
	for _, si := range vars {
		gr.Variants = append(gr.Variants, g.spelling(si))
	}
	sortSpellings(gr.Variants)
	return gr, true
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
//
// A deletion neighbourhood index over hashes: a frequent key and each of
// its one-letter deletions point at the key; a rare key looks up its own
// and its deletions', which meet those of every key one edit away. The
// hashes are polynomial, so that all deletions of a key cost one pass.
// Keys are taken in the order the corpus first shows them, and a key that
// slips into one that slips in its turn ends where that one ends.
func (g *grouper) mergeSlips() {
	opt := g.opt
	n := 0
	for _, ai := range g.order {
		if a := &g.aggs[ai]; a.kind == KindProper && len(a.key) >= 7 && a.proper >= opt.MinCount {
			n += len(a.key) + 1
		}
	}
	if n == 0 {
		return
	}
	dels := newDelIndex(n)
	var hs []uint64
	for _, ai := range g.order {
		a := &g.aggs[ai]
		if a.kind != KindProper || len(a.key) < 7 || a.proper < opt.MinCount {
			continue
		}
		hs = delHashes(hs[:0], a.key)
		for _, h := range hs {
			dels.add(h, ai)
		}
	}
	// The rare keys look for the key they slipped from side by side; each
	// finds the same one alone.
	var rare []int32
	for _, ai := range g.order {
		if a := &g.aggs[ai]; a.kind == KindProper && len(a.key) >= 6 && a.proper > 0 {
			rare = append(rare, ai)
		}
	}
	best := make([]int32, len(rare))
	shares := min(runtime.GOMAXPROCS(0), 8, max(1, len(rare)/1024))
	var wg sync.WaitGroup
	for k := range shares {
		lo, hi := k*len(rare)/shares, (k+1)*len(rare)/shares
		wg.Go(func() {
			var hs []uint64
			for i := lo; i < hi; i++ {
				best[i], hs = g.slippedFrom(dels, rare[i], hs)
			}
		})
	}
	wg.Wait()
	into := make(map[int32]int32) // rare key → the key it slipped from
	var froms []int32
	for i, b := range best {
		if b >= 0 {
			into[rare[i]] = b
			froms = append(froms, rare[i])
		}
	}
	// Merge each key after the keys that slip into it: the rare keys form
	// trees under the keys that slip nowhere (a cycle, possible with a
	// ratio of 1, is cut at its first key).
	kids := map[int32][]int32{}
	for _, f := range froms {
		kids[into[f]] = append(kids[into[f]], f)
	}
	rank := make([]int32, len(g.aggs)) // place in order, to cut cycles alike whatever the shares
	for i, ai := range g.order {
		rank[ai] = int32(i)
	}
	done := map[int32]bool{}
	var visit func(t int32)
	visit = func(t int32) {
		done[t] = true
		for _, c := range kids[t] {
			if !done[c] {
				visit(c)
				g.merge(c, t)
			}
		}
	}
	for _, f := range froms {
		if _, slips := into[into[f]]; !slips && !done[into[f]] {
			visit(into[f])
		}
	}
	for _, f := range froms {
		if done[f] {
			continue
		}
		// f is in a cycle or under one: walk on to the cycle, cut it at
		// its first key, and merge under that key.
		seen := map[int32]bool{}
		x := f
		for !seen[x] {
			seen[x] = true
			x = into[x]
		}
		root := x
		for y := into[x]; y != x; y = into[y] {
			if rank[y] < rank[root] {
				root = y
			}
		}
		delete(into, root)
		visit(root)
	}
}

// slippedFrom returns the frequent key that rare key ai is one slip from,
// the most frequent if several, or -1; hs is a buffer.
func (g *grouper) slippedFrom(dels *delIndex, ai int32, hs []uint64) (int32, []uint64) {
	opt := g.opt
	a := &g.aggs[ai]
	best, bestTotal := int32(-1), 0
	hs = delHashes(hs[:0], a.key)
	for _, h := range hs {
		for e := dels.find(h); e >= 0; e = dels.entries[e].next {
			di := dels.entries[e].agg
			d := &g.aggs[di]
			if d.key == a.key {
				continue
			}
			t := d.total
			if t >= opt.MinCount && t >= opt.Ratio*a.total && t > bestTotal && oneEdit(a.key, d.key) &&
				slipInLongWord(g.tallies[a.first].surface, a.key, d.key) &&
				(!singleWord(g.tallies[a.first].surface) || innerSlip(a.key, d.key)) {
				best, bestTotal = di, t
			}
		}
	}
	return best, hs
}

// merge moves the spellings of key from into key to: a spelling both have
// adds its counts and places after to's.
func (g *grouper) merge(from, to int32) {
	f, t := &g.aggs[from], &g.aggs[to]
	for si := f.first; si >= 0; {
		next := g.tallies[si].next
		sp := &g.tallies[si]
		if old := g.shapeOf(t, sp.shape); old >= 0 {
			o := &g.tallies[old]
			o.count += sp.count
			o.docs += sp.docs
			if sp.head >= 0 {
				if o.tail >= 0 {
					g.refs[o.tail].next = sp.head
				} else {
					o.head = sp.head
				}
				o.tail = sp.tail
			}
		} else {
			g.link(t, si)
		}
		si = next
	}
	f.first, f.last, f.n, f.byShape, f.gone = -1, -1, 0, nil, true
}

// A delIndex maps deletion hashes to the keys they come from, in the order
// they were added. Most hashes looked up are in it for no key: a bit set
// of a few bits a hash, small enough for the cache, answers those.
type delIndex struct {
	slots   []delSlot
	entries []delEntry
	bits    []uint64
	shift   uint // of a hash, for its bit
}

func newDelIndex(n int) *delIndex {
	size, shift := 1024, uint(64-10)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	x := &delIndex{slots: make([]delSlot, size), entries: make([]delEntry, 0, n), bits: make([]uint64, 8*size/64)}
	for i := range x.slots {
		x.slots[i].head = -1
	}
	x.shift = shift - 3 // eight bits an entry slot
	return x
}

func (x *delIndex) bit(h uint64) (int, uint64) {
	b := (h * 0xff51afd7ed558ccd) >> x.shift
	return int(b / 64), 1 << (b % 64)
}

type delSlot struct {
	h          uint64
	head, tail int32 // entries; head is -1 in an empty slot
}

type delEntry struct {
	agg, next int32
}

// add adds a hash; newDelIndex was told how many at most.
func (x *delIndex) add(h uint64, agg int32) {
	w, b := x.bit(h)
	x.bits[w] |= b
	e := int32(len(x.entries))
	x.entries = append(x.entries, delEntry{agg: agg, next: -1})
	s := x.slot(h)
	if s.head < 0 {
		*s = delSlot{h: h, head: e, tail: e}
		return
	}
	x.entries[s.tail].next = e
	s.tail = e
}

// slot returns the slot of h, or the empty one where it would go.
func (x *delIndex) slot(h uint64) *delSlot {
	mask := uint64(len(x.slots) - 1)
	for i := (h * 0x9e3779b97f4a7c15) >> 20 & mask; ; i = (i + 1) & mask {
		if s := &x.slots[i]; s.head < 0 || s.h == h {
			return s
		}
	}
}

// find returns the first entry of h, or -1.
func (x *delIndex) find(h uint64) int32 {
	if w, b := x.bit(h); x.bits[w]&b == 0 {
		return -1
	}
	return x.slot(h).head
}

// delHashes appends the hash of key and then those of key with each of its
// bytes left out, in order. The hash of a string is polynomial in its
// bytes, Σ s[j]·p^(len-1-j), so the hash of key without byte i is the
// prefix's hash before it times p^(n-1-i) plus the suffix's after it, and
// all of them take two passes.
func delHashes(dst []uint64, key string) []uint64 {
	const p = 0x100000001b3
	n := len(key)
	start := len(dst)
	dst = slices.Grow(dst, n+1)[:start+n+1]
	var buf [64]uint64
	pows := buf[:0] // pows[i] = p^(n-1-i)
	if n > len(buf) {
		pows = make([]uint64, 0, n)
	}
	pows = pows[:n]
	var suf, pw uint64 = 0, 1
	for i := n - 1; i >= 0; i-- {
		dst[start+1+i] = suf // the suffix after i
		pows[i] = pw
		suf += uint64(key[i]) * pw
		pw *= p
	}
	dst[start] = suf
	var pre uint64
	for i := range n {
		dst[start+1+i] += pre * pows[i]
		pre = pre*p + uint64(key[i])
	}
	return dst
}

// singleWord: the key's first spelling is one word.
func singleWord(surface string) bool {
	return !strings.ContainsAny(surface, " -,&")
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
// more of the rare spelling (its key's first) and not at its end, so
// "Julia"/"Julie", "Berg"/"Borg" and "Directors"/"Directories" stay apart.
func slipInLongWord(surface, key, other string) bool {
	i := 0
	for i < len(key) && i < len(other) && key[i] == other[i] {
		i++
	}
	off := 0
	for _, w := range strings.FieldsFunc(surface, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '&' }) {
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

// Frequent returns the capitalised phrases of two words or more seen at
// least min times in at least docs of the facts, each in its most frequent
// spelling, sorted: a glossary of what a corpus calls its names. Two
// names coordinated ("Canada and Brazil") are not one.
func Frequent(facts []*Fact, min, docs int) []string {
	type tally struct {
		byForm        map[string]int
		docs, lastDoc int
	}
	by := map[string]*tally{}
	for di, f := range facts {
		if f = f.load(); f == nil {
			continue
		}
		for i := range f.spells {
			s := &f.spells[i]
			surface, key := f.str(s.surface), f.str(s.key)
			if s.kind != KindProper || s.loose || !strings.Contains(surface, " ") || coordination(strings.Fields(surface)) {
				continue
			}
			t := by[key]
			if t == nil {
				t = &tally{byForm: map[string]int{}, lastDoc: -1}
				by[key] = t
			}
			t.byForm[surface] += int(s.count)
			if t.lastDoc != di {
				t.docs++
				t.lastDoc = di
			}
		}
	}
	var out []string
	for _, t := range by {
		best, bn, all := "", 0, 0
		for s, n := range t.byForm {
			all += n
			if n > bn || n == bn && s < best {
				best, bn = s, n
			}
		}
		if all >= min && t.docs >= docs {
			out = append(out, best)
		}
	}
	sort.Strings(out)
	return out
}

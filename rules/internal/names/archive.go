package names

import (
	"crypto/sha256"
	"encoding/binary"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// ArchiveOptions set what the archive's own names are and when a spelling
// beside one is reported.
type ArchiveOptions struct {
	// Limits are each document's, by index: a document's findings are
	// those the archive gives with its own limits, as if every document
	// were configured as it is. A document past the end, and a zero
	// field, take the defaults.
	Limits []Limits
	// Project holds the glossary, which always wins over mined names, and
	// the names marked distinct. May be nil.
	Project *lint.Project
	// Reported, when set, says which documents' findings are wanted: the
	// others count towards the archive's names but are not matched
	// against them. nil: every document.
	Reported func(di int) bool
	// Memo, when set, keeps the count of the archive's names for the next
	// run over the same archive (see Memo).
	Memo *Memo
	// Text, when set, gives the text of a document whose src is nil (a
	// context document whose text went): the few not reported that must
	// be matched after all are read again.
	Text func(di int) []byte
	// Stored, when set, keeps the archive's state between processes, for
	// a run over the same documents (lint.ArchiveStore): the count of the
	// archive's names is read back rather than worked out again.
	Stored lint.ArchiveStore
}

// Limits set when a phrase is one of the archive's names and when a
// spelling beside one is reported.
type Limits struct {
	// MinCount: a name is seen at least this often, and at least three
	// times, in two documents or more.
	MinCount int
	// Ratio: the name is this many times as frequent as the spelling
	// reported beside it, in occurrences or in documents.
	Ratio int
}

// limits returns document di's limits, defaults applied.
func (opt *ArchiveOptions) limits(di int) Limits {
	var l Limits
	if di < len(opt.Limits) {
		l = opt.Limits[di]
	}
	l.MinCount = max(l.MinCount, minNameCount)
	if l.Ratio <= 0 {
		l.Ratio = 3
	}
	return l
}

// A Finding is a spelling in one document that is a slip of a name the
// archive writes otherwise.
type Finding struct {
	Doc    int // index in the documents given
	Span   document.Span
	Text   string // as written, spaces collapsed
	Target string // the archive's spelling
	Count  int    // how often the archive writes Target
	Docs   int    // in how many documents
	Kind   Kind
	// Fix: replacing Text with Target is clearly right; false where the
	// change could alter the meaning (a swap of given and family names,
	// a dropped word) or the layout (a line break inside the span).
	Fix bool

	unless []string // see verdict.unless
	// single: a one-word spelling, reported only if the archive writes it,
	// capitalised anywhere, at most ratioOf times
	single  string
	ratioOf int
}

// A candidate is a mined phrase, or a part of one, counted across the
// archive.
type candidate struct {
	count, docs, lastDoc int
	lower                int // a one-word phrase: times written in lower case
}

// minNameDocs and minNameCount make a phrase one of the archive's names.
const (
	minNameDocs  = 2
	minNameCount = 3
)

// Archive mines the names of the archive from its documents' facts,
// matches every document against them with the glossary's matcher, and
// returns the strong slips: the spellings a person would mark, never a
// plural ending, a case change of a generic word, an article, or two
// names coordinated (see classify). Findings are in document order.
//
// Its memory grows with the distinct phrases mined, not with the text: a
// phrase's parts are worked out once per distinct phrase.
func Archive(srcs [][]byte, facts []*Fact, opt ArchiveOptions) []Finding {
	fs, _ := archive(srcs, nil, facts, &opt, false)
	return fs
}

// ArchiveAndMeta is Archive, and the groups of the front matter values
// (author, team) of every document, as Groups finds them with KindMeta
// alone; paths name the documents in the groups' locations. The groups
// come from the archive's state, so that a run that reads it back
// (ArchiveOptions.Stored) need not look into every document's fact.
func ArchiveAndMeta(srcs [][]byte, paths []string, facts []*Fact, opt ArchiveOptions) ([]Finding, []Group) {
	return archive(srcs, paths, facts, &opt, true)
}

func archive(srcs [][]byte, paths []string, facts []*Fact, opt *ArchiveOptions, meta bool) ([]Finding, []Group) {
	r := &archiveRun{srcs: srcs, facts: facts, opt: opt, st: opt.Memo.state(srcs, facts, opt), per: make([][]Finding, len(facts))}
	var docs []int
	for di := range facts {
		if r.reported(di) {
			docs = append(docs, di)
		}
	}
	r.match(docs)
	var groups []Group
	if meta {
		groups = Groups(paths, r.st.meta, GroupOptions{Kinds: []PhraseKind{KindMeta}})
	}
	return r.findings(), groups
}

// storedState is the archive's state read back from opt.Stored, or, when
// it holds none that reads, counted afresh and saved there.
func storedState(srcs [][]byte, facts []*Fact, opt *ArchiveOptions) *archiveState {
	if opt.Stored == nil {
		return buildState(srcs, facts, opt)
	}
	if b, changed, ok := opt.Stored.Load(); ok {
		if st, err := decodeState(b, opt.Project); err == nil && len(st.sigs) == len(facts) && st.sameSigs(srcs, facts, changed) {
			if len(changed) > 0 {
				// the same state, for the documents as they are now
				opt.Stored.Save(b)
			}
			return st
		}
	}
	st := buildState(srcs, facts, opt)
	opt.Stored.Save(encodeState(st))
	return st
}

// buildState counts the archive's names over every document's facts and
// indexes those each least count makes names: what Archive learns of the
// whole archive before it matches a document.
func buildState(srcs [][]byte, facts []*Fact, opt *ArchiveOptions) *archiveState {
	cands, names, parts := countCandidates(facts)
	low := lowNames(names)
	// the counts of each key, over its spellings
	keyed := map[string]*candidate{}
	for _, s := range names {
		c := cands[s]
		k := phraseKey(s)
		kc := keyed[k]
		if kc == nil {
			kc = &candidate{}
			keyed[k] = kc
		}
		kc.count += c.count
		kc.docs = max(kc.docs, c.docs) // at least; the spellings may share documents
	}
	taken, distinct := configuredNames(opt.Project)
	meta := metaFacts(facts)
	// The lower-case forms of one-word phrases are counted, and, for a
	// state that is stored, each document's contribution digested, in one
	// walk of its words; the documents are shared out among goroutines,
	// each counting into a table of its own, added up after (sums, in
	// any order).
	var sigs []docSig
	if opt.Stored != nil {
		sigs = make([]docSig, len(facts))
	}
	shares := min(runtime.GOMAXPROCS(0), 8, max(1, len(facts)/64))
	lowered := make([]map[string]int, shares)
	var wg sync.WaitGroup
	for k := range shares {
		wg.Go(func() {
			counts := map[string]int{}
			var seen []byte
			for di := k; di < len(facts); di += shares {
				seen = seen[:0]
				low.each(srcs, facts[di], di, func(t []byte) {
					counts[low.name[string(t)]]++
					if sigs != nil {
						seen = binary.AppendUvarint(seen, uint64(len(t)))
						seen = append(seen, t...)
					}
				})
				if sigs != nil {
					sigs[di] = contributionSig(facts[di], meta[di], seen)
				}
			}
			lowered[k] = counts
		})
	}
	wg.Wait()
	for _, counts := range lowered {
		for name, n := range counts {
			cands[name].lower += n
		}
	}
	// The index holds the mined names only: the glossary's are name-variant's
	// to match, and a glossary of 10,000 names is not walked twice. Which
	// names are in it depends on the least count, so there is one index
	// for each least count the documents are configured with: one, unless
	// some files are configured otherwise.
	indexes := map[int]*Index{}
	for di := range facts {
		minCount := opt.limits(di).MinCount
		if _, ok := indexes[minCount]; ok {
			continue
		}
		var entries []lint.NameEntry
		for _, s := range names {
			c := cands[s]
			if c.docs < minNameDocs || c.count < minCount || rarelyCapital(s, c) || !strings.Contains(s, " ") && !singleName(s) {
				continue
			}
			if k, _, _ := PhraseKey(s); k == "" || taken[k] {
				continue
			}
			entries = append(entries, lint.NameEntry{Name: s, Source: "mined"})
		}
		indexes[minCount] = nil
		if len(entries) > 0 {
			indexes[minCount] = NewIndex(entries)
		}
	}
	return &archiveState{cands: cands, names: names, parts: parts, keyed: keyed, taken: taken, distinct: distinct, indexes: indexes, meta: meta, sigs: sigs}
}

// metaFacts are the facts' front matter values (KindMeta) alone, by
// document, nil where a document has none: what Groups reads of them for
// the front matter names, kept with the archive's state.
func metaFacts(facts []*Fact) []*Fact {
	out := make([]*Fact, len(facts))
	for di, f := range facts {
		out[di] = metaFact(f)
	}
	return out
}

// metaFact is f's front matter values alone, nil if it has none.
func metaFact(f *Fact) *Fact {
	if f = f.load(); f == nil {
		return nil
	}
	var m *Fact
	var strs []byte
	add := func(r strRange) strRange {
		lo := int32(len(strs))
		strs = append(strs, f.str(r)...)
		return strRange{lo, int32(len(strs))}
	}
	for i := range f.spells {
		s := f.spells[i]
		if s.kind != KindMeta {
			continue
		}
		if m == nil {
			m = &Fact{}
		}
		sp := f.spansOf(&s)
		s.key, s.surface, s.shape = add(s.key), add(s.surface), add(s.shape)
		s.span0 = int32(len(m.spans))
		m.spans = append(m.spans, sp...)
		m.spells = append(m.spells, s)
	}
	if m != nil {
		m.strs = string(strs)
	}
	return m
}

// configuredNames are the keys of the glossary's names, which the mined
// names leave to name-variant, and the sets of names marked distinct.
func configuredNames(project *lint.Project) (taken map[string]bool, distinct [][]string) {
	var configured []lint.NameEntry
	if project != nil {
		for _, e := range project.Names {
			if e.Name != "" {
				configured = append(configured, e)
			}
			if len(e.Distinct) > 0 {
				d := append([]string{}, e.Distinct...)
				if e.Name != "" {
					d = append(d, e.Name)
				}
				distinct = append(distinct, d)
			}
		}
	}
	taken = map[string]bool{}
	for _, e := range configured {
		for _, s := range append(append([]string{e.Name}, e.Aliases...), e.Variants...) {
			k, _, _ := PhraseKey(stripThe(s))
			taken[k] = true
		}
	}
	return taken, distinct
}

// An archiveRun is one run of Archive: its documents, the archive's
// state, and the findings of each document matched.
type archiveRun struct {
	srcs  [][]byte
	facts []*Fact
	opt   *ArchiveOptions
	st    *archiveState
	per   [][]Finding
}

// reported: the run wants document di's findings.
func (r *archiveRun) reported(di int) bool { return r.opt.Reported == nil || r.opt.Reported(di) }

// match matches the documents docs lists against the archive's names.
func (r *archiveRun) match(docs []int) {
	srcs, facts, opt, per := r.srcs, r.facts, r.opt, r.per
	cands, parts, keyed, taken, distinct, indexes := r.st.cands, r.st.parts, r.st.keyed, r.st.taken, r.st.distinct, r.st.indexes
	shares := min(runtime.GOMAXPROCS(0), 8, max(1, len(docs)/64))
	var wg sync.WaitGroup
	for k := range shares {
		wg.Go(func() {
			var scratch Scratch // this goroutine's, from one document to the next
			for x := k; x < len(docs); x += shares {
				di := docs[x]
				facts[di].load()
				lim := opt.limits(di)
				ix := indexes[lim.MinCount]
				if facts[di] == nil || di >= len(srcs) || ix == nil {
					continue
				}
				src := srcs[di]
				if src == nil && opt.Text != nil {
					src = opt.Text(di)
				}
				if src == nil {
					continue
				}
				ix.FindWords(src, facts[di], &scratch, func(m Match) {
					if m.Known || len(taken) > 0 && taken[phraseKey(m.Text)] {
						return // a spelling the glossary lists: name-variant's
					}
					t := cands[m.Target.Surface]
					if t == nil {
						return
					}
					// the spelling's own counts, its plural and singular
					// included: Orbitans counts for Orbitan
					vc, vd := 1, 1
					own := []*candidate{cands[m.Text]}
					if k := phraseKey(m.Text); k != phraseKey(m.Target.Surface) {
						own = append(own, keyed[k]) // else the name's own spellings are counted
					}
					for _, v := range own {
						if v != nil {
							if v.docs >= minNameDocs && v.count >= minNameCount {
								return // two spellings each frequent: two names
							}
							if v.count >= lim.MinCount*lim.Ratio {
								// A slip is occasional: a spelling that one
								// document writes this often is its own name
								// (a Michel beside the archive's Michael).
								return
							}
							vc, vd = max(vc, v.count), max(vd, v.docs)
						}
					}
					// the name is far more frequent, or in far more documents
					// and no less frequent: not Marlin beside a book's Marlian
					if t.count < lim.Ratio*vc && (t.docs < lim.Ratio*vd || t.count < vc) {
						return
					}
					if isDistinct(distinct, m.Text, m.Target.Surface) {
						return
					}
					v := classify(m.Text, m.Target.Surface, m.Near)
					// a word dropped or two swapped in a title or heading is
					// a title of its own (Create Harbor Base Module File)
					if !v.strong || handle(src, m.Start) || m.Near && m.Head {
						return
					}
					fix := v.kind != KindSwapped && v.kind != KindDropped && !strings.ContainsAny(string(src[m.Start:m.End]), "\n\r")
					f := Finding{Doc: di, Span: document.Span{Start: m.Start, End: m.End}, Text: m.Text,
						Target: m.Target.Surface, Count: t.count, Docs: t.docs, Kind: v.kind, Fix: fix, unless: v.unless}
					if !strings.ContainsAny(m.Text, " -,&") {
						// one word for a name of one word: the document
						// names the name too, or a word of one article is
						// taken for a name of another (Marlow beside a
						// Marlowe, Tamsin beside Tamsen)
						if !strings.Contains(m.Target.Surface, " ") && !mentions(facts[di], parts, t) {
							return
						}
						f.single, f.ratioOf = m.Text, t.count/lim.Ratio
					}
					per[di] = append(per[di], f)
				})
			}
		})
	}
	wg.Wait()
}

// findings are the reported documents' findings that hold.
func (r *archiveRun) findings() []Finding {
	srcs, facts, per := r.srcs, r.facts, r.per
	// Some findings hold only if a word is never written in lower case
	// (counted in the sources), or if a one-word spelling is rare
	// (counted, capitalised, in the words the facts kept).
	unless := map[string]int{}
	singles := map[string]int{}
	for _, fs := range per {
		for _, f := range fs {
			for _, w := range f.unless {
				unless[w] += 0
				if strings.Contains(f.Text, w) {
					unless[w]-- // the finding's own lower-case word
				}
			}
			if f.single != "" {
				singles[f.single] = 0
			}
		}
	}
	if len(unless) > 0 || len(singles) > 0 {
		// A lower-case word inside a finding of a document not reported
		// is that finding's own too: such documents, those that write one
		// of the words at all, are matched after all, for the count.
		var more []int
		for di, n := range countLowerWords(srcs, facts, unless) {
			if n > 0 && !r.reported(di) {
				more = append(more, di)
			}
		}
		r.match(more)
		for _, di := range more {
			for _, f := range per[di] {
				for _, w := range f.unless {
					if _, ok := unless[w]; ok && strings.Contains(f.Text, w) {
						unless[w]--
					}
				}
			}
			per[di] = nil // not reported
		}
		for di, f := range facts {
			if f == nil || di >= len(srcs) {
				continue
			}
			f.wordTexts(srcs[di], func(w word, t []byte) {
				// a one-word spelling, at the start of a sentence too:
				// Tamsen, said a book a hundred times, is a name
				if w.upper() {
					if n, ok := singles[string(t)]; ok {
						singles[string(t)] = n + 1
					}
				}
			})
		}
	}
	var out []Finding
	for _, fs := range per {
		for _, f := range fs {
			ok := f.single == "" || singles[f.single] <= max(1, f.ratioOf)
			for _, w := range f.unless {
				ok = ok && unless[w] <= 0
			}
			if ok {
				out = append(out, f)
			}
		}
	}
	return out
}

// countLowerWords adds to counts how often each of its words, all lower
// case ASCII, stands alone in the sources: a scan of the bytes, shared out
// among goroutines, with no string made; a document without its source
// (context, its text gone) gives the count its fact kept. It returns how
// many of the words each document holds.
func countLowerWords(srcs [][]byte, facts []*Fact, counts map[string]int) []int {
	if len(counts) == 0 {
		return nil
	}
	perDoc := make([]int, len(srcs))
	index := make(map[string]int, len(counts))
	words := make([]string, 0, len(counts))
	minLen, maxLen := 1<<30, 0
	for w := range counts {
		if w == "" {
			continue
		}
		index[w] = len(words)
		words = append(words, w)
		minLen, maxLen = min(minLen, len(w)), max(maxLen, len(w))
	}
	shares := min(runtime.GOMAXPROCS(0), 8, max(1, len(srcs)/64))
	found := make([][]int, shares)
	var wg sync.WaitGroup
	for k := range shares {
		found[k] = make([]int, len(words))
		wg.Go(func() {
			for di := k; di < len(srcs); di += shares {
				src := srcs[di]
				if src == nil && di < len(facts) && facts[di].load() != nil && facts[di].lowerKept {
					eachLower(facts[di].lower, func(w string, n int) {
						if x, ok := index[w]; ok {
							found[k][x] += n
							perDoc[di] += n
						}
					})
					continue
				}
				lowerRuns(src, func(i, j int) {
					if n := j - i; n >= minLen && n <= maxLen {
						if x, ok := index[string(src[i:j])]; ok {
							found[k][x]++
							perDoc[di]++
						}
					}
				})
			}
		})
	}
	wg.Wait()
	for _, f := range found {
		for x, n := range f {
			counts[words[x]] += n
		}
	}
	return perDoc
}

// lowerRuns calls fn with the bounds of each lower-case ASCII word standing
// alone in src. countLowerWords and lowerWords both scan with it: a context
// document whose counts come from the cache must count as one read afresh.
func lowerRuns(src []byte, fn func(i, j int)) {
	for i := 0; i < len(src); {
		c := src[i]
		if c < 'a' || c > 'z' || i > 0 && !wordStart(src[i-1]) {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && src[j] >= 'a' && src[j] <= 'z' {
			j++
		}
		if wordEnd(src, j) {
			fn(i, j)
		}
		i = j
	}
}

// lowerWords counts each lower-case ASCII word standing alone in src
// (lowerRuns), in t, emptied first, and packs them in the order first
// written: length, word and count, each word once. t finds the words by
// their place in src, so that no string is made for one, and nothing
// sorted: on a first run with the cache this packing is done for every
// article of the archive.
func lowerWords(src []byte, t *lowerTable) string {
	t.reset(len(src))
	size := 0
	lowerRuns(src, func(i, j int) {
		if t.add(src, int32(i), int32(j)) {
			size += j - i + 2
		}
	})
	b := make([]byte, 0, size)
	for _, si := range t.order {
		sl := &t.slots[si]
		b = binary.AppendUvarint(b, uint64(sl.end-sl.start))
		b = append(b, src[sl.start:sl.end]...)
		b = binary.AppendUvarint(b, uint64(sl.n))
	}
	return string(b)
}

// A lowerTable counts the words of one text, each known by where it was
// first seen: open addressing by a hash of the bytes.
type lowerTable struct {
	slots []lowerSlot
	order []int32 // the slots used, in the order first seen
}

type lowerSlot struct {
	hash       uint32
	start, end int32 // the word's first place; end 0: empty
	n          int32
}

// reset empties t for a text of n bytes.
func (t *lowerTable) reset(n int) {
	want := 64
	for want < n/4 && want < 1<<16 {
		want *= 2 // about a word every 8 bytes, few of them new
	}
	if len(t.slots) < want {
		t.slots = make([]lowerSlot, want)
	} else {
		clear(t.slots)
	}
	t.order = t.order[:0]
}

// add counts src[i:j]; true when it is new.
func (t *lowerTable) add(src []byte, i, j int32) bool {
	if 2*(len(t.order)+1) > len(t.slots) {
		t.grow()
	}
	h := uint32(2166136261)
	for _, c := range src[i:j] {
		h = (h ^ uint32(c)) * 16777619
	}
	mask := uint32(len(t.slots) - 1)
	for k := h & mask; ; k = (k + 1) & mask {
		sl := &t.slots[k]
		if sl.end == 0 {
			*sl = lowerSlot{hash: h, start: i, end: j, n: 1}
			t.order = append(t.order, int32(k))
			return true
		}
		if sl.hash == h && sl.end-sl.start == j-i && string(src[sl.start:sl.end]) == string(src[i:j]) {
			sl.n++
			return false
		}
	}
}

// grow doubles the slots, keeping the order of the words.
func (t *lowerTable) grow() {
	old := t.slots
	t.slots = make([]lowerSlot, 2*len(old))
	mask := uint32(len(t.slots) - 1)
	for x, si := range t.order {
		sl := old[si]
		k := sl.hash & mask
		for t.slots[k].end != 0 {
			k = (k + 1) & mask
		}
		t.slots[k] = sl
		t.order[x] = int32(k)
	}
}

// large: t grew for a long text, and is not worth keeping.
func (t *lowerTable) large() bool { return t != nil && len(t.slots) > 1<<16 }

// eachLower calls fn with each word and count lowerWords packed; it stops
// at bytes lowerWords did not write.
func eachLower(packed string, fn func(w string, n int)) {
	for i := 0; i < len(packed); {
		l, k := uvarintString(packed, i)
		if k <= 0 || l > uint64(len(packed)-i-k) {
			return
		}
		i += k
		w := packed[i : i+int(l)]
		i += int(l)
		n, k := uvarintString(packed, i)
		if k <= 0 {
			return
		}
		i += k
		fn(w, int(n))
	}
}

// uvarintString reads the uvarint at s[i:], and its length; 0 when there
// is none.
func uvarintString(s string, i int) (uint64, int) {
	var x uint64
	for k, sh := 0, uint(0); i+k < len(s) && k < binary.MaxVarintLen64; k, sh = k+1, sh+7 {
		c := s[i+k]
		if c < 0x80 {
			return x | uint64(c)<<sh, k + 1
		}
		x |= uint64(c&0x7f) << sh
	}
	return 0, 0
}

// wordStart: a word of prose may start after c: not inside a word, an
// address or a path (anna.berg@, /docs/anna).
func wordStart(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '(', '"', '\'', '[', '*', '_':
		return true
	}
	return c >= 0x80 // a curly quote or a dash
}

// wordEnd: a word of prose may end at src[j]: a space or a mark, a full
// stop not followed by a letter (anna.berg is an address).
func wordEnd(src []byte, j int) bool {
	if j == len(src) {
		return true
	}
	switch src[j] {
	case ' ', '\t', '\n', '\r', ',', ';', ':', '!', '?', ')', '"', '\'', ']', '*', '_':
		return true
	case '.':
		return j+1 == len(src) || !wordByte(src[j+1])
	}
	return src[j] >= 0x80
}

// wordByte: a byte that continues a word: letters, digits, _ and any byte
// of a non-ASCII character.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

// handle: the text follows @ or #, a handle or a hashtag.
func handle(src []byte, start int) bool {
	return start > 0 && (src[start-1] == '@' || src[start-1] == '#')
}

// phraseKey is PhraseKey's key alone.
func phraseKey(s string) string {
	k, _, _ := PhraseKey(s)
	return k
}

// isDistinct: the two spellings are listed as distinct names.
func isDistinct(sets [][]string, a, b string) bool {
	for _, s := range sets {
		ia, ib := false, false
		for _, x := range s {
			ia = ia || strings.EqualFold(x, a)
			ib = ib || strings.EqualFold(x, b)
		}
		if ia && ib {
			return true
		}
	}
	return false
}

// countCandidates counts the proper phrases of the facts and their parts:
// "Cooperation of Harbor City Academy of Science and Technology" counts
// for "Harbor City Academy of Science and Technology", for "Academy of
// Science and Technology" and for "Harbor City". It returns the counts and
// the phrases in the order first seen.
func countCandidates(facts []*Fact) (map[string]*candidate, []string, map[string][]*candidate) {
	cands := map[string]*candidate{}
	var order []string
	parts := map[string][]*candidate{} // a distinct phrase → its parts' counters
	for di, f := range facts {
		if f = f.load(); f == nil {
			continue
		}
		for s := range f.allSpells() {
			if s.kind != KindProper || s.loose {
				continue
			}
			surface := f.str(s.surface)
			ps, ok := parts[surface]
			if !ok {
				for _, p := range subPhrases(surface) {
					c := cands[p]
					if c == nil {
						c = &candidate{lastDoc: -1}
						cands[p] = c
						order = append(order, p)
					}
					ps = append(ps, c)
				}
				parts[surface] = ps
			}
			for _, c := range ps {
				c.count += int(s.count)
				if c.lastDoc != di {
					c.docs++
					c.lastDoc = di
				}
			}
		}
	}
	return cands, order, parts
}

// mentions: document f writes the name of candidate t, alone or inside a
// longer one.
func mentions(f *Fact, parts map[string][]*candidate, t *candidate) bool {
	for s := range f.allSpells() {
		for _, c := range parts[f.str(s.surface)] {
			if c == t {
				return true
			}
		}
	}
	return false
}

// countLower counts how often the one-word phrases are written in lower
// case, in the words the facts kept: those near capitalised words, a
// sample of the text that costs nothing more to read.
// A lowNameSet holds the lower-case forms of the one-word phrases, which
// buildState counts in the documents' words, each with its phrase.
type lowNameSet struct {
	name map[string]string
	// Every word of every document is looked at, and few are a name's
	// lower-case form: a word whose first byte and length no such form
	// has is passed over without hashing it (a third of the count).
	maybe lowFilter
}

// lowNames is the lowNameSet of the phrases names. Of two phrases with one
// lower-case form (Lakeside, LAKESIDE) the later is counted.
func lowNames(names []string) *lowNameSet {
	l := &lowNameSet{name: map[string]string{}}
	for _, s := range names {
		if !strings.Contains(s, " ") {
			lc := strings.ToLower(s)
			l.name[lc] = s
			l.maybe.add(lc)
		}
	}
	return l
}

func (l *lowNameSet) empty() bool { return len(l.name) == 0 }

// each calls fn with each of document di's words that is in the set.
func (l *lowNameSet) each(srcs [][]byte, f *Fact, di int, fn func(t []byte)) {
	if f == nil || di >= len(srcs) || l.empty() {
		return
	}
	f.wordTexts(srcs[di], func(w word, t []byte) {
		if w.lower() && w.letters >= 5 && l.maybe.has(t) {
			if _, ok := l.name[string(t)]; ok {
				fn(t)
			}
		}
	})
}

// A lowFilter holds the first bytes and lengths of a set of words: a word
// whose pair is not in it is not in the set.
type lowFilter [256]uint64

// add puts s's pair in the filter; s is not empty.
func (f *lowFilter) add(s string) { f[s[0]] |= 1 << min(len(s), 63) }

// has: t may be one of the words added.
func (f *lowFilter) has(t []byte) bool {
	return len(t) > 0 && f[t[0]]&(1<<min(len(t), 63)) != 0
}

// rarelyCapital: a one-word phrase the archive writes in lower case too
// often to be a name (Three, Though, Summary); Lakeside is not.
func rarelyCapital(s string, c *candidate) bool {
	return !strings.Contains(s, " ") && 4*c.lower > c.count
}

// maxPartWords bounds the parts of a long run.
const maxPartWords = 10

// subPhrases returns the phrase and its parts that begin and end with a
// capitalised word: a name inside a longer run. A part of one word is
// kept only if it looks like a name of its own (five letters or more,
// no common noun or stop word).
func subPhrases(s string) []string {
	ws := strings.Fields(s)
	var out []string
	if len(ws) > 1 && !coordination(ws) || len(ws) == 1 {
		out = append(out, s)
	}
	if len(ws) > 3*maxPartWords {
		return out
	}
	// A part is its words joined by a space: where the phrase has one space
	// between its words and no other space, as a collapsed surface mostly
	// has, that is a slice of it, and no string is made.
	var offs []int
	if plainText([]byte(s)) {
		var buf [3 * maxPartWords]int
		offs = buf[:0]
		at := 0
		for _, w := range ws {
			offs = append(offs, at)
			at += len(w) + 1
		}
	}
	join := func(i, j int) string {
		if offs != nil {
			return s[offs[i] : offs[j]+len(ws[j])]
		}
		return strings.Join(ws[i:j+1], " ")
	}
	starts := func(w string) bool {
		if w == "" || w[0] < 'A' || w[0] > 'Z' {
			// (ToLower of a lone byte from 0x80 up is U+FFFD: any word
			// that starts outside ASCII passes)
			return w != "" && w[0] >= 0x80
		}
		return !isStopWord(strings.TrimRight(w, ",")) && !isAnd([]byte(w))
	}
	for i := range ws {
		if !starts(ws[i]) || i > 0 && strings.HasSuffix(ws[i-1], "-") {
			continue
		}
		for j := i; j < len(ws) && j-i < maxPartWords; j++ {
			if i == 0 && j == len(ws)-1 {
				continue // the phrase itself
			}
			w := ws[j]
			if !starts(w) || strings.HasSuffix(w, ",") {
				continue
			}
			if coordination(ws[i : j+1]) {
				continue
			}
			out = append(out, join(i, j))
		}
	}
	return out
}

// isStopWord: w, in lower case, is a stop word.
func isStopWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return stopWords[strings.ToLower(w)]
		}
	}
	// ASCII: the lexicon lowers A–Z as the map's words are
	return lex.foldClassOf([]byte(w))&classStop != 0
}

// singleName: one word that may be a name of its own: five letters or
// more, capitalised and not all capitals, no common noun or stop word.
func singleName(w string) bool {
	if strings.ContainsAny(w, "-’'") || len(w) < 5 {
		return false
	}
	letters, upper := countASCII([]byte(w))
	if letters != len(w) || upper != 1 {
		return false
	}
	lw := strings.ToLower(w)
	return !stopWords[lw] && !connectors[lw] && !commonNouns[string(appendKey(nil, []byte(lw)))]
}

// coordination: an "and", "&" or comma in a phrase joins two names
// ("Canada and Brazil", "Go and App Engine") unless an "of" or "for"
// before it makes it part of one (Museum of Science and Technology).
func coordination(ws []string) bool {
	of := false
	for k, w := range ws {
		if strings.EqualFold(w, "of") || strings.EqualFold(w, "for") {
			of = true
		}
		join := isAnd([]byte(w)) || w == "&" || strings.HasSuffix(w, ",") && k < len(ws)-1
		if join && !of {
			return true
		}
	}
	return false
}

// A docSig is a digest of what one document adds to the archive's state:
// its proper spellings with how often it writes them (countCandidates),
// its front matter values (metaFacts), and its words that are a one-word
// phrase's lower-case form. A document edited so that its digest is the
// same leaves the state as it was: a pre-commit run after an edit that
// changed no name need not count the archive again.
type docSig [16]byte

// contributionSig is the docSig of a document's fact f, its front matter
// values meta, and the lower-case forms lowered, each as a uvarint length
// and its bytes, in the order written.
func contributionSig(f *Fact, meta *Fact, lowered []byte) docSig {
	h := sha256.New()
	var b []byte
	if f = f.load(); f != nil {
		for s := range f.allSpells() {
			if s.kind != KindProper || s.loose {
				continue
			}
			sur := f.str(s.surface)
			b = binary.AppendUvarint(b, uint64(s.count))
			b = binary.AppendUvarint(b, uint64(len(sur)))
			b = append(b, sur...)
		}
	}
	b = append(b, 0xfe)
	if meta != nil {
		m := EncodeFact(meta)
		b = binary.AppendUvarint(b, uint64(len(m)))
		b = append(b, m...)
	}
	b = append(b, 0xfd)
	h.Write(b)
	h.Write(lowered)
	var sig docSig
	copy(sig[:], h.Sum(nil))
	return sig
}

// sameSigs: each changed document adds to the state what it did when the
// state was counted.
func (st *archiveState) sameSigs(srcs [][]byte, facts []*Fact, changed []int) bool {
	if len(changed) == 0 {
		return true
	}
	low := lowNames(st.names)
	for _, di := range changed {
		if di < 0 || di >= len(facts) || low.sig(srcs, facts, di) != st.sigs[di] {
			return false
		}
	}
	return true
}

// sig is document di's contributionSig.
func (l *lowNameSet) sig(srcs [][]byte, facts []*Fact, di int) docSig {
	var seen []byte
	l.each(srcs, facts[di], di, func(t []byte) {
		seen = binary.AppendUvarint(seen, uint64(len(t)))
		seen = append(seen, t...)
	})
	return contributionSig(facts[di], metaFact(facts[di]), seen)
}

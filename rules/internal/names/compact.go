package names

import "iter"

// A nameSpell is what a compacted fact keeps of a spelling that is not a
// front matter name: 16 bytes where a mined spelling takes 36.
type nameSpell struct {
	surface strRange
	count   int32
	kind    PhraseKind
	loose   bool
}

// Compact lets go what the archive's check (Archive, and Groups of
// KindMeta, as the consistency rule runs them) never reads of the fact:
// the keys and shapes of the spellings of other kinds, which the archive
// groups by their surfaces, and their positions, since only front matter
// names are reported where they are written. Those spellings move to
// names, with their surfaces and counts; spells keeps the front matter
// names whole. Every document's fact lives until the archive is checked,
// and this was over a third of it. A compacted fact must not go to Groups
// of another kind, or to Frequent, and Compact, once done, does nothing.
func (f *Fact) Compact() {
	if f == nil || len(f.spells) == 0 || f.names != nil {
		return
	}
	f.strs, f.spells, f.spans, f.names = compacted(f.strs, len(f.spells),
		func(i int) mined { return f.spells[i] },
		func(i int, dst []span32) []span32 { return append(dst, f.spansOf(&f.spells[i])...) })
}

// finishCompact is finish followed by Fact.Compact, with the same fact
// in the end, made without the whole one in between (which was most of
// what mining a document allocated).
func (m *miner) finishCompact() {
	if len(m.spells) == 0 {
		return
	}
	f := m.fact
	f.strs, f.spells, f.spans, f.names = compacted(m.strs, len(m.spells),
		func(i int) mined {
			s := &m.spells[i]
			return mined{key: s.key, surface: s.surface, shape: s.shape, count: int32(s.count),
				nspans: uint8(s.nspans), kind: s.kind, loose: s.loose}
		},
		func(i int, dst []span32) []span32 {
			for r := m.spells[i].head; r >= 0; r = m.spans[r].next {
				sp := m.spans[r].sp
				dst = append(dst, span32{int32(sp.Start), int32(sp.End)})
			}
			return dst
		})
}

// compacted is what a compacted fact keeps of n spellings: spell(i) is
// the i-th, its ranges reading src, and spansOf appends its positions.
// It returns the strings, the front matter spellings whole, their
// positions, and the other spellings' surfaces and counts.
func compacted[S ~string | ~[]byte](src S, n int, spell func(int) mined, spansOf func(int, []span32) []span32) (string, []mined, []span32, []nameSpell) {
	size, nmeta, nspans := 0, 0, 0
	for i := range n {
		s := spell(i)
		if s.kind == KindMeta {
			size += int(s.key.hi-s.key.lo) + int(s.surface.hi-s.surface.lo) + int(s.shape.hi-s.shape.lo)
			nmeta++
			nspans += int(s.nspans)
		} else {
			size += int(s.surface.hi - s.surface.lo)
		}
	}
	strs := make([]byte, 0, size)
	keep := func(r strRange) strRange {
		lo := int32(len(strs))
		strs = append(strs, src[r.lo:r.hi]...)
		return strRange{lo, int32(len(strs))}
	}
	var meta []mined
	var spans []span32
	if nmeta > 0 {
		meta = make([]mined, 0, nmeta)
		spans = make([]span32, 0, nspans)
	}
	names := make([]nameSpell, 0, n-nmeta)
	for i := range n {
		s := spell(i)
		if s.kind != KindMeta {
			names = append(names, nameSpell{surface: keep(s.surface), count: s.count, kind: s.kind, loose: s.loose})
			continue
		}
		at := int32(len(spans))
		spans = spansOf(i, spans)
		s.key, s.surface, s.shape, s.span0 = keep(s.key), keep(s.surface), keep(s.shape), at
		meta = append(meta, s)
	}
	return string(strs), meta, spans, names
}

// allSpells yields every spelling of the fact, whole or compacted, as
// what a compacted fact keeps of it: the front matter names (spells)
// first in a compacted fact, the others in the order they were mined.
func (f *Fact) allSpells() iter.Seq[nameSpell] {
	return func(yield func(nameSpell) bool) {
		f.load()
		for i := range f.spells {
			s := &f.spells[i]
			if !yield(nameSpell{surface: s.surface, count: s.count, kind: s.kind, loose: s.loose}) {
				return
			}
		}
		for _, s := range f.names {
			if !yield(s) {
				return
			}
		}
	}
}

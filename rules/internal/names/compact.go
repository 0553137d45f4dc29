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
	n, nmeta, nspans := 0, 0, 0
	for i := range f.spells {
		s := &f.spells[i]
		if s.kind == KindMeta {
			n += int(s.key.hi-s.key.lo) + int(s.surface.hi-s.surface.lo) + int(s.shape.hi-s.shape.lo)
			nmeta++
			nspans += int(s.nspans)
		} else {
			n += int(s.surface.hi - s.surface.lo)
		}
	}
	strs := make([]byte, 0, n)
	keep := func(r strRange) strRange {
		lo := int32(len(strs))
		strs = append(strs, f.strs[r.lo:r.hi]...)
		return strRange{lo, int32(len(strs))}
	}
	var meta []mined
	var spans []span32
	if nmeta > 0 {
		meta = make([]mined, 0, nmeta)
		spans = make([]span32, 0, nspans)
	}
	names := make([]nameSpell, 0, len(f.spells)-nmeta)
	for i := range f.spells {
		s := f.spells[i]
		if s.kind != KindMeta {
			names = append(names, nameSpell{surface: keep(s.surface), count: s.count, kind: s.kind, loose: s.loose})
			continue
		}
		at := int32(len(spans))
		spans = append(spans, f.spansOf(&s)...)
		s.key, s.surface, s.shape, s.span0 = keep(s.key), keep(s.surface), keep(s.shape), at
		meta = append(meta, s)
	}
	f.strs, f.spells, f.spans, f.names = string(strs), meta, spans, names
}

// finishCompact is finish followed by Fact.Compact, with the same fact
// in the end, made without the whole one in between (which was most of
// what mining a document allocated).
func (m *miner) finishCompact() {
	if len(m.spells) == 0 {
		return
	}
	n, nmeta, nspans := 0, 0, 0
	for i := range m.spells {
		s := &m.spells[i]
		if s.kind == KindMeta {
			n += int(s.key.hi-s.key.lo) + int(s.surface.hi-s.surface.lo) + int(s.shape.hi-s.shape.lo)
			nmeta++
			nspans += int(s.nspans)
		} else {
			n += int(s.surface.hi - s.surface.lo)
		}
	}
	strs := make([]byte, 0, n)
	keep := func(r strRange) strRange {
		lo := int32(len(strs))
		strs = append(strs, m.strs[r.lo:r.hi]...)
		return strRange{lo, int32(len(strs))}
	}
	var meta []mined
	var spans []span32
	if nmeta > 0 {
		meta = make([]mined, 0, nmeta)
		spans = make([]span32, 0, nspans)
	}
	names := make([]nameSpell, 0, len(m.spells)-nmeta)
	for i := range m.spells {
		s := &m.spells[i]
		if s.kind != KindMeta {
			names = append(names, nameSpell{surface: keep(s.surface), count: int32(s.count), kind: s.kind, loose: s.loose})
			continue
		}
		at := int32(len(spans))
		for r := s.head; r >= 0; r = m.spans[r].next {
			sp := m.spans[r].sp
			spans = append(spans, span32{int32(sp.Start), int32(sp.End)})
		}
		meta = append(meta, mined{key: keep(s.key), surface: keep(s.surface), shape: keep(s.shape), count: int32(s.count),
			span0: at, nspans: uint8(s.nspans), kind: s.kind, loose: s.loose})
	}
	f := m.fact
	f.strs, f.spells, f.spans, f.names = string(strs), meta, spans, names
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

package names

// Compact lets go what the archive's check (Archive, and Groups of
// KindMeta, as the consistency rule runs them) never reads of the fact:
// the keys and shapes of the spellings of other kinds, which the archive
// groups by their surfaces, and their positions, since only front matter
// names are reported where they are written. The archive's memory then
// grows by a spelling's surface and count for each document that writes
// it: a quarter of the fact, at 200 MB of articles, was keys, shapes and
// positions of spellings no one reads. A compacted fact must not go to
// Groups of another kind, or to Frequent.
func (f *Fact) Compact() {
	if f == nil || len(f.spells) == 0 {
		return
	}
	n, nspans := 0, 0
	for i := range f.spells {
		s := &f.spells[i]
		if s.kind == KindMeta {
			n += int(s.key.hi-s.key.lo) + int(s.surface.hi-s.surface.lo) + int(s.shape.hi-s.shape.lo)
			nspans += int(s.nspans)
		} else {
			n += int(s.surface.hi - s.surface.lo)
		}
	}
	strs := make([]byte, 0, n)
	spans := make([]span32, 0, nspans)
	keep := func(r strRange) strRange {
		lo := int32(len(strs))
		strs = append(strs, f.strs[r.lo:r.hi]...)
		return strRange{lo, int32(len(strs))}
	}
	for i := range f.spells {
		s := &f.spells[i]
		if s.kind == KindMeta {
			s.key, s.surface, s.shape = keep(s.key), keep(s.surface), keep(s.shape)
			at := int32(len(spans))
			spans = append(spans, f.spansOf(s)...)
			s.span0 = at
			continue
		}
		s.surface = keep(s.surface)
		s.key, s.shape = strRange{}, strRange{}
		s.span0, s.nspans = 0, 0
	}
	f.strs = string(strs)
	f.spans = nil
	if len(spans) > 0 {
		f.spans = spans
	}
}

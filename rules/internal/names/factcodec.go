package names

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/wire"
)

// factVersion changes whenever EncodeFact's layout does.
const factVersion = 3

// EncodeFact turns f into bytes for a cache that outlives the process; a
// nil f too.
func EncodeFact(f *Fact) []byte {
	w := &wire.Writer{}
	if f != nil {
		// sized once, roughly: the strings and a few bytes a number
		w.B = make([]byte, 0, 64+len(f.strs)+len(f.words)+len(f.wtext)+len(f.lower)+12*len(f.spells)+6*len(f.names)+6*len(f.spans)+64*len(f.Shorts))
	}
	w.Uint(factVersion)
	w.Bool(f != nil)
	if f == nil {
		return w.B
	}
	w.Uint(uint64(len(f.Shorts)))
	for _, u := range f.Shorts {
		w.Int(int64(u.Span.Start))
		w.Int(int64(u.Span.End))
		w.String(u.Text)
		w.String(u.Defined)
		w.String(u.Why)
		w.String(u.Message)
		w.Int(int64(u.Fix.Start))
		w.Int(int64(u.Fix.End))
		w.String(u.Fix.NewText)
	}
	w.String(f.strs)
	w.Uint(uint64(len(f.spells)))
	for _, s := range f.spells {
		for _, r := range []strRange{s.key, s.surface, s.shape} {
			w.Int(int64(r.lo))
			w.Int(int64(r.hi))
		}
		w.Int(int64(s.count))
		w.Int(int64(s.span0))
		w.B = append(w.B, s.nspans, byte(s.kind))
		w.Bool(s.loose)
	}
	w.Uint(uint64(len(f.spans)))
	for _, sp := range f.spans {
		w.Int(int64(sp.start))
		w.Int(int64(sp.end))
	}
	w.Uint(uint64(len(f.names)))
	for _, s := range f.names {
		w.Int(int64(s.surface.lo))
		w.Int(int64(s.surface.hi))
		w.Int(int64(s.count))
		w.B = append(w.B, byte(s.kind))
		w.Bool(s.loose)
	}
	w.String(f.words)
	w.Uint(uint64(f.nwords))
	w.Bytes(f.wtext)
	w.Bool(f.lowerKept)
	w.String(f.lower)
	return w.B
}

// DecodeFact gives back what EncodeFact made, or fails on bytes it did
// not make: every range and count is checked, so that a fact read from a
// damaged cache cannot make the rule read out of bounds.
func DecodeFact(b []byte) (*Fact, error) {
	r := wire.NewSharedReader(b) // b is the cache's: it does not change
	if v := r.Uint(); r.Err() == nil && v != factVersion {
		return nil, fmt.Errorf("names fact: version %d, want %d", v, factVersion)
	}
	if !r.Bool() {
		if !r.Done() {
			return nil, fmt.Errorf("names fact: %w", wire.ErrCorrupt)
		}
		return nil, nil
	}
	f := &Fact{}
	if n := r.Len(9); n > 0 {
		f.Shorts = make([]ShortUse, n)
		for i := range f.Shorts {
			u := &f.Shorts[i]
			u.Span.Start, u.Span.End = int(r.Int32()), int(r.Int32())
			u.Text, u.Defined, u.Why, u.Message = r.String(), r.String(), r.String(), r.String()
			u.Fix.Start, u.Fix.End = int(r.Int32()), int(r.Int32())
			u.Fix.NewText = r.String()
		}
	}
	f.strs = r.String()
	if n := r.Len(11); n > 0 {
		f.spells = make([]mined, n)
		for i := range f.spells {
			s := &f.spells[i]
			for _, p := range []*strRange{&s.key, &s.surface, &s.shape} {
				p.lo, p.hi = r.Int32(), r.Int32()
				if p.lo < 0 || p.hi < p.lo || int(p.hi) > len(f.strs) {
					r.Fail(wire.ErrCorrupt)
				}
			}
			s.count, s.span0 = r.Int32(), r.Int32()
			s.nspans, s.kind = r.Byte(), PhraseKind(r.Byte())
			s.loose = r.Bool()
		}
	}
	if n := r.Len(2); n > 0 {
		f.spans = make([]span32, n)
		for i := range f.spans {
			f.spans[i] = span32{r.Int32(), r.Int32()}
		}
	}
	for _, s := range f.spells {
		if s.span0 < 0 || int(s.span0)+int(s.nspans) > len(f.spans) {
			r.Fail(wire.ErrCorrupt)
		}
	}
	if n := r.Len(5); n > 0 {
		f.names = make([]nameSpell, n)
		for i := range f.names {
			s := &f.names[i]
			s.surface.lo, s.surface.hi = r.Int32(), r.Int32()
			if s.surface.lo < 0 || s.surface.hi < s.surface.lo || int(s.surface.hi) > len(f.strs) {
				r.Fail(wire.ErrCorrupt)
			}
			s.count, s.kind, s.loose = r.Int32(), PhraseKind(r.Byte()), r.Bool()
		}
	}
	f.words = r.String()
	nw := r.Uint()
	if nw > uint64(len(f.words)) {
		r.Fail(wire.ErrCorrupt)
	}
	f.nwords = int(nw)
	f.wtext = r.Bytes()
	f.lowerKept = r.Bool()
	f.lower = r.String()
	if !r.Done() {
		return nil, fmt.Errorf("names fact: %w", wire.ErrCorrupt)
	}
	if !wordsValid(f) {
		return nil, fmt.Errorf("names fact: words: %w", wire.ErrCorrupt)
	}
	return f, nil
}

// wordsValid: f's packed words unpack within bounds, and the text kept
// for them is as long as they are.
func wordsValid(f *Fact) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	total := 0
	for w := range packedWords(f.words, f.nwords) {
		if w.start < 0 || w.end < w.start {
			return false
		}
		total += int(w.end - w.start)
	}
	return len(f.wtext) == 0 || total == len(f.wtext)
}

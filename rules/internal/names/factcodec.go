package names

import (
	"fmt"
	"sync"

	"github.com/copydesk/copydesk/internal/wire"
)

// factVersion changes whenever EncodeFact's layout does.
const factVersion = 3

// EncodeFact turns f into bytes for a cache that outlives the process; a
// nil f too.
func EncodeFact(f *Fact) []byte {
	f = f.load()
	w := &wire.Writer{}
	if f != nil {
		// sized once, generously: the strings, and for each number the
		// bytes of a varint of its usual size (a spelling's eight numbers
		// took more than the 12 bytes once allowed, and the buffer was
		// copied whole to grow it at the last strings)
		w.B = make([]byte, 0, 64+len(f.strs)+len(f.words)+len(f.wtext)+len(f.lower)+24*len(f.spells)+12*len(f.names)+8*len(f.spans)+64*len(f.Shorts))
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
// not make. The short forms' findings are read now; the rest (the
// spellings, the words and the text kept of them) when the fact is first
// used (load), as a run that reads the archive's state back from a store
// looks into few documents' facts. Every range and count is checked
// then, so that a fact read from a damaged cache cannot make the rule
// read out of bounds; one that does not read is taken as a document of
// which nothing was mined.
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
	if r.Err() != nil {
		return nil, fmt.Errorf("names fact: %w", r.Err())
	}
	f.lazy = &lazyFact{b: b[len(b)-r.Left():]}
	return f, nil
}

// A lazyFact is the part of a fact not yet decoded.
type lazyFact struct {
	once sync.Once
	b    []byte
}

// load decodes what DecodeFact left, once, and returns f: every reader
// of a fact's spellings or words calls it first. A fact made by mining,
// and a nil one, are returned as they are.
func (f *Fact) load() *Fact {
	if f == nil || f.lazy == nil {
		return f
	}
	f.lazy.once.Do(func() {
		var g Fact
		if decodeRest(&g, f.lazy.b) != nil {
			g = Fact{} // nothing mined: see DecodeFact
		}
		f.spells, f.names, f.strs, f.spans, f.words, f.nwords, f.wtext, f.lowerKept, f.lower =
			g.spells, g.names, g.strs, g.spans, g.words, g.nwords, g.wtext, g.lowerKept, g.lower
	})
	return f
}

// decodeRest reads into f what EncodeFact wrote after the short forms.
func decodeRest(f *Fact, b []byte) error {
	r := wire.NewSharedReader(b)
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
		return fmt.Errorf("names fact: %w", wire.ErrCorrupt)
	}
	if !wordsValid(f) {
		return fmt.Errorf("names fact: words: %w", wire.ErrCorrupt)
	}
	return nil
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

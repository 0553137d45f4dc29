package names

import "encoding/binary"

// A lexicon classifies short ASCII words (15 bytes at most): stop word,
// connector, and so on. The miners ask it about most words of every
// document, where a map[string]bool per class costs a hash of the bytes and
// a probe through the runtime's map each: here a word is packed into two
// machine words and found once, with all its classes, in a small
// open-addressed table, with no string made.
type lexicon struct {
	slots  []lexSlot // a power of two, at most a quarter full
	shift  uint
	maxLen int
	// near has a bit for the length, first and last letter of every word
	// (case aside: &31 is blind to it): many words asked about are let go
	// on that alone.
	near [16 << 10 / 64]uint64
}

// nearBit returns the bit of near for b, 1 to 15 bytes long.
func nearBit(b []byte) int {
	return len(b)<<10 | int(b[0]&31)<<5 | int(b[len(b)-1]&31)
}

// maybe reports whether b may be in the lexicon, as written or with A–Z
// lowered: it is when it is.
func (x *lexicon) maybe(b []byte) bool {
	if len(b) == 0 || len(b) > 15 {
		return false
	}
	k := nearBit(b)
	return x.near[k>>6]&(1<<(k&63)) != 0
}

// lexSlot holds a word's bytes 0–7 in lo and 8–14 in hi, with its length
// in the top byte of hi (hi is never zero in a used slot), and its classes.
type lexSlot struct {
	lo, hi uint64
	class  wordClass
}

// wordClass is a set of the lists a word is in.
type wordClass uint8

// The word lists of the miners.
const (
	classStop wordClass = 1 << iota
	classConnector
	classNotNoun
	classLooseVerb
	classCommonNoun
)

func newLexicon(lists map[wordClass]map[string]bool) *lexicon {
	words := map[string]wordClass{}
	for c, list := range lists {
		for w, ok := range list {
			if ok {
				words[w] |= c
			}
		}
	}
	n := 16
	for n < 4*len(words) {
		n *= 2
	}
	x := &lexicon{slots: make([]lexSlot, n), shift: 64}
	for n > 1 {
		n /= 2
		x.shift--
	}
	for w, c := range words {
		lo, hi, packed := pack([]byte(w), false)
		if !packed {
			panic("names: lexicon word too long or empty: " + w)
		}
		x.maxLen = max(x.maxLen, len(w))
		k := nearBit([]byte(w))
		x.near[k>>6] |= 1 << (k & 63)
		i := x.slot(lo, hi)
		for x.slots[i].hi != 0 {
			i = (i + 1) & (len(x.slots) - 1)
		}
		x.slots[i] = lexSlot{lo, hi, c}
	}
	return x
}

func (x *lexicon) slot(lo, hi uint64) int {
	return int(((lo ^ hi*0x9e3779b97f4a7c15) * 0xff51afd7ed558ccd) >> x.shift)
}

func (x *lexicon) find(lo, hi uint64) wordClass {
	mask := len(x.slots) - 1
	for i := x.slot(lo, hi); ; i = (i + 1) & mask {
		e := &x.slots[i]
		if e.lo == lo && e.hi == hi {
			return e.class
		}
		if e.hi == 0 {
			return 0
		}
	}
}

// classOf returns the classes of b as written.
func (x *lexicon) classOf(b []byte) wordClass {
	if len(b) > x.maxLen || !x.maybe(b) {
		return 0
	}
	lo, hi, ok := pack(b, false)
	if !ok {
		return 0
	}
	return x.find(lo, hi)
}

// foldClassOf returns the classes of b with A–Z lowered; the lists are of
// lowercase letters, so a byte that is no ASCII letter makes no word of
// them.
func (x *lexicon) foldClassOf(b []byte) wordClass {
	if len(b) > x.maxLen || !x.maybe(b) {
		return 0
	}
	lo, hi, ok := pack(b, true)
	if !ok {
		return 0
	}
	return x.find(lo, hi)
}

// pack returns a word's bytes as two machine words; with fold, A–Z are
// lowered and a byte that is not an ASCII letter makes it no word of a list
// of lowercase words (ok false).
func pack(b []byte, fold bool) (lo, hi uint64, ok bool) {
	n := len(b)
	if n == 0 || n > 15 {
		return 0, 0, false
	}
	if n <= 8 && cap(b) >= 8 {
		// Most words: one load of eight bytes (those past the word are
		// masked off), checked and lowered eight at a time.
		mask := ^uint64(0) >> (64 - 8*n)
		lo = binary.LittleEndian.Uint64(b[:8]) & mask
		if fold {
			if lo&0x8080808080808080 != 0 {
				return 0, 0, false
			}
			x := lo | 0x2020202020202020&mask
			// a byte's top bit is set in x+0x1f from 'a' up and in x+0x05
			// from '{' up; no byte carries into the next
			top := 0x8080808080808080 & mask
			if (x+0x1f1f1f1f1f1f1f1f)&^(x+0x0505050505050505)&top != top {
				return 0, 0, false
			}
			lo = x
		}
		return lo, uint64(n) << 56, true
	}
	for i, c := range b {
		if fold {
			if c|0x20 < 'a' || c|0x20 > 'z' {
				return 0, 0, false
			}
			c |= 0x20
		}
		if i < 8 {
			lo |= uint64(c) << (8 * i)
		} else {
			hi |= uint64(c) << (8 * (i - 8))
		}
	}
	return lo, hi | uint64(n)<<56, true
}

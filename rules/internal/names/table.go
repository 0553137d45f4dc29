package names

import (
	"bytes"
	"hash/maphash"
)

var tableSeed = maphash.MakeSeed()

// A table interns byte strings: each distinct key gets the next id, 0, 1,
// 2…, so that what is kept per key lives in plain slices indexed by id. It
// is the miners' map from phrases to what they count: a lookup hashes the
// bytes it is given, without making a string, and the table is reused from
// one document to the next.
type table struct {
	slots  []int32  // id+1, 0 when empty; a power of two, at most half full
	hashes []uint64 // per id
	offs   []int32  // per id: where its key starts in data
	data   []byte   // the keys, one after the other
}

func (t *table) len() int { return len(t.offs) }

// key returns the bytes of key id; they are valid until the next reset.
func (t *table) key(id int32) []byte {
	end := len(t.data)
	if int(id)+1 < len(t.offs) {
		end = int(t.offs[id+1])
	}
	return t.data[t.offs[id]:end]
}

// find returns the id of k, or ok false and the hash to insert k with.
func (t *table) find(k []byte) (id int32, h uint64, ok bool) {
	h = maphash.Bytes(tableSeed, k)
	if len(t.slots) == 0 {
		return 0, h, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, h, false
		}
		if id := s - 1; t.hashes[id] == h && bytes.Equal(t.key(id), k) {
			return id, h, true
		}
	}
}

// insert adds k, which find did not find, with its hash h.
func (t *table) insert(k []byte, h uint64) int32 {
	if 2*(len(t.offs)+1) > len(t.slots) {
		t.grow()
	}
	id := int32(len(t.offs))
	t.offs = append(t.offs, int32(len(t.data)))
	t.hashes = append(t.hashes, h)
	t.data = append(t.data, k...)
	t.place(id)
	return id
}

func (t *table) place(id int32) {
	mask := uint64(len(t.slots) - 1)
	i := t.hashes[id] & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = id + 1
}

func (t *table) grow() {
	n := max(64, 2*len(t.slots))
	t.slots = make([]int32, n)
	for id := range t.offs {
		t.place(int32(id))
	}
}

// reset empties the table and keeps its memory, unless a huge document
// made it large.
func (t *table) reset() {
	if len(t.slots) > 1<<15 {
		*t = table{}
		return
	}
	clear(t.slots)
	t.hashes, t.offs, t.data = t.hashes[:0], t.offs[:0], t.data[:0]
}

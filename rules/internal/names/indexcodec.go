package names

import (
	byteorder "encoding/binary"
	"math/bits"

	"github.com/copydesk/copydesk/internal/wire"
	"github.com/copydesk/copydesk/lint"
)

// appendIndex writes what the index of the archive's names holds besides
// its entries, so that a run that reads the archive's state back does not
// build it again: the forms, the trie, the keys, the words of the forms
// and their near set. The tables of the nodes with many children are not
// written: readIndex makes them again from the children.
func appendIndex(w *wire.Writer, ix *Index) {
	w.Uint(uint64(len(ix.Forms)))
	for _, f := range ix.Forms {
		w.String(f.Surface)
		w.Uint(uint64(f.Kind))
		w.Uint(uint64(f.Entry))
		w.Uint(uint64(f.words))
		w.Uint(uint64(f.capped))
	}
	kids, forms := 0, 0
	for _, nd := range ix.nodes {
		kids, forms = kids+len(nd.kids), forms+len(nd.forms)
	}
	w.Uint(uint64(len(ix.nodes)))
	w.Uint(uint64(kids))
	w.Uint(uint64(forms))
	for _, n := range ix.root {
		w.Int(int64(n))
	}
	for _, nd := range ix.nodes {
		w.Uint(uint64(len(nd.kids)))
		for _, e := range nd.kids {
			w.B = append(w.B, e.c)
			w.Uint(uint64(e.to))
		}
		w.Uint(uint64(len(nd.forms)))
		for _, f := range nd.forms {
			w.Uint(uint64(f))
		}
	}
	for _, k := range ix.nameOf {
		w.Int(int64(k))
	}
	w.Uint(uint64(len(ix.keys)))
	for k, fs := range ix.keys { // any order: a map is read back
		w.String(k)
		w.Uint(uint64(len(fs)))
		for _, f := range fs {
			w.Uint(uint64(f))
		}
	}
	w.Uint(uint64(len(ix.words)))
	for k := range ix.words {
		w.String(k)
	}
	w.Bool(ix.stopStart)
	w.Uint(uint64(len(ix.near.slots)))
	for _, h := range ix.near.slots {
		w.B = byteorder.LittleEndian.AppendUint64(w.B, h)
	}
}

// readIndex reads back what appendIndex wrote of an index of entries,
// every number checked against what it indexes, so that damaged bytes
// cannot make a match read out of bounds or probe the near set for ever.
// nil, and r failed, on bytes appendIndex did not write.
func readIndex(r *wire.Reader, entries []lint.NameEntry) *Index {
	bad := func() *Index { r.Fail(wire.ErrCorrupt); return nil }
	ix := &Index{Entries: entries}
	ix.Forms = make([]Form, r.Len(5))
	for i := range ix.Forms {
		f := &ix.Forms[i]
		f.Surface = r.String()
		f.Kind, f.Entry, f.words, f.capped = FormKind(r.Uint()), int(r.Uint()), int(r.Uint()), int(r.Uint())
		if f.Kind > FormNear || f.Entry >= len(entries) {
			return bad()
		}
	}
	nn, nk, nf := r.Len(2), r.Uint(), r.Uint()
	for i := range ix.root {
		ix.root[i] = int32(r.Int())
		if ix.root[i] < -1 || int(ix.root[i]) >= nn {
			return bad()
		}
	}
	if r.Err() != nil || nk > uint64(r.Left()) || nf > uint64(r.Left()) {
		return bad()
	}
	kids, forms := make([]edge, 0, nk), make([]int32, 0, nf)
	ix.nodes = make([]node, nn)
	for i := range ix.nodes {
		nd := &ix.nodes[i]
		at := len(kids)
		for range r.Len(2) {
			e := edge{c: r.Byte(), to: int32(r.Uint())}
			if e.to <= 0 || int(e.to) >= nn || len(kids) == cap(kids) {
				return bad()
			}
			kids = append(kids, e)
		}
		nd.kids = kids[at:len(kids):len(kids)]
		at = len(forms)
		for range r.Len(1) {
			f := int32(r.Uint())
			if f < 0 || int(f) >= len(ix.Forms) || len(forms) == cap(forms) {
				return bad()
			}
			forms = append(forms, f)
		}
		nd.forms = forms[at:len(forms):len(forms)]
		if len(nd.kids) >= denseKids {
			ix.makeDense(nd)
		}
	}
	ix.nameOf = make([]int32, len(entries))
	for i := range ix.nameOf {
		ix.nameOf[i] = int32(r.Int())
		if ix.nameOf[i] < -1 || int(ix.nameOf[i]) >= len(ix.Forms) {
			return bad()
		}
	}
	nkeys := r.Len(2)
	ix.keys = make(map[string][]int32, nkeys)
	for range nkeys {
		k := r.String()
		fs := make([]int32, r.Len(1))
		for j := range fs {
			fs[j] = int32(r.Uint())
			if fs[j] < 0 || int(fs[j]) >= len(ix.Forms) {
				return bad()
			}
		}
		ix.keys[k] = fs
	}
	nwords := r.Len(1)
	ix.words = make(map[string]bool, nwords)
	for range nwords {
		ix.words[r.String()] = true
	}
	ix.stopStart = r.Bool()
	slots := r.Len(8)
	if slots > 0 && (bits.OnesCount(uint(slots)) != 1) {
		return bad()
	}
	ix.near.slots = make([]uint64, slots)
	empty := false
	for i := range ix.near.slots {
		var b [8]byte
		for j := range b {
			b[j] = r.Byte()
		}
		ix.near.slots[i] = byteorder.LittleEndian.Uint64(b[:])
		empty = empty || ix.near.slots[i] == 0
	}
	if slots > 0 && !empty {
		return bad() // a probe would never end
	}
	if r.Err() != nil {
		return nil
	}
	return ix
}

package names

import (
	"fmt"
	"maps"
	"slices"

	"github.com/copydesk/copydesk/internal/wire"
	"github.com/copydesk/copydesk/lint"
)

// stateVersion changes whenever encodeState's layout does.
const stateVersion = 4

// encodeState turns the archive's state into bytes for a store that
// outlives the process (ArchiveOptions.Stored): the phrases counted, in
// the order first seen, with their counts, each distinct phrase's parts,
// the counts of each key, each index (its phrases and what it built of
// them), and each
// document's front matter values and contributionSig. What comes
// from the configuration (the glossary's keys, the distinct sets) is not
// kept: the store is the configuration's.
func encodeState(st *archiveState) []byte {
	at := make(map[*candidate]int, len(st.names))
	size := 64
	for i, s := range st.names {
		at[st.cands[s]] = i
		size += len(s) + 8
	}
	w := &wire.Writer{B: make([]byte, 0, 2*size)}
	w.Uint(stateVersion)
	w.Uint(uint64(len(st.names)))
	for _, s := range st.names {
		c := st.cands[s]
		w.String(s)
		w.Uint(uint64(c.count))
		w.Uint(uint64(c.docs))
		w.Uint(uint64(c.lower))
	}
	surfaces := slices.Sorted(maps.Keys(st.parts)) // the same state, the same bytes
	w.Uint(uint64(len(surfaces)))
	for _, s := range surfaces {
		ps := st.parts[s]
		w.String(s)
		w.Uint(uint64(len(ps)))
		for _, c := range ps {
			w.Uint(uint64(at[c]))
		}
	}
	keys := slices.Sorted(maps.Keys(st.keyed))
	w.Uint(uint64(len(keys)))
	for _, k := range keys {
		c := st.keyed[k]
		w.String(k)
		w.Uint(uint64(c.count))
		w.Uint(uint64(c.docs))
	}
	counts := slices.Sorted(maps.Keys(st.indexes))
	w.Uint(uint64(len(counts)))
	for _, n := range counts {
		w.Uint(uint64(n))
		ix := st.indexes[n]
		if ix == nil {
			w.Uint(0)
			continue
		}
		w.Uint(uint64(len(ix.Entries)))
		for _, e := range ix.Entries {
			w.Uint(uint64(at[st.cands[e.Name]]))
		}
		appendIndex(w, ix)
	}
	w.Uint(uint64(len(st.meta)))
	for _, f := range st.meta {
		w.Bytes(EncodeFact(f))
	}
	sigs := make([]byte, 0, len(st.sigs)*len(docSig{}))
	for _, s := range st.sigs {
		sigs = append(sigs, s[:]...)
	}
	w.Bytes(sigs)
	return w.B
}

// decodeState gives back what encodeState made, the configured names
// taken from project, or fails on bytes it did not make. Its strings
// share b's memory, which must not change.
func decodeState(b []byte, project *lint.Project) (*archiveState, error) {
	r := wire.NewSharedReader(b)
	if v := r.Uint(); r.Err() == nil && v != stateVersion {
		return nil, fmt.Errorf("names state: version %d, want %d", v, stateVersion)
	}
	n := r.Len(4)
	st := &archiveState{cands: make(map[string]*candidate, n), names: make([]string, n)}
	cs := make([]candidate, n)
	for i := range n {
		s := r.String()
		cs[i] = candidate{count: int(r.Uint()), docs: int(r.Uint()), lower: int(r.Uint()), lastDoc: -1}
		st.names[i] = s
		st.cands[s] = &cs[i]
	}
	if r.Err() == nil && len(st.cands) != n {
		r.Fail(wire.ErrCorrupt) // a phrase twice
	}
	// at reads a phrase's number: -1, and the reader failed, if there is
	// no such phrase.
	at := func() int {
		i := r.Uint()
		if i >= uint64(n) {
			r.Fail(wire.ErrCorrupt)
			return -1
		}
		return int(i)
	}
	m := r.Len(2)
	st.parts = make(map[string][]*candidate, m)
	for range m {
		s := r.String()
		ps := make([]*candidate, r.Len(1))
		for j := range ps {
			if i := at(); i >= 0 {
				ps[j] = &cs[i]
			}
		}
		st.parts[s] = ps
	}
	k := r.Len(3)
	st.keyed = make(map[string]*candidate, k)
	kcs := make([]candidate, k)
	for i := range k {
		key := r.String()
		kcs[i] = candidate{count: int(r.Uint()), docs: int(r.Uint())}
		st.keyed[key] = &kcs[i]
	}
	st.taken, st.distinct = configuredNames(project)
	st.indexes = map[int]*Index{}
	for range r.Len(2) {
		minCount := int(r.Uint())
		entries := make([]lint.NameEntry, r.Len(1))
		for j := range entries {
			if i := at(); i >= 0 {
				entries[j] = lint.NameEntry{Name: st.names[i], Source: "mined"}
			}
		}
		if r.Err() != nil {
			break
		}
		st.indexes[minCount] = nil
		if len(entries) > 0 {
			st.indexes[minCount] = readIndex(r, entries)
		}
	}
	st.meta = make([]*Fact, r.Len(1))
	for i := range st.meta {
		b := r.Bytes()
		if r.Err() != nil {
			break
		}
		f, err := DecodeFact(b)
		if err != nil {
			return nil, fmt.Errorf("names state: %w", err)
		}
		st.meta[i] = f
	}
	sigs := r.Bytes()
	if r.Err() == nil && len(sigs) != len(st.meta)*len(docSig{}) {
		r.Fail(wire.ErrCorrupt)
	}
	st.sigs = make([]docSig, len(sigs)/len(docSig{}))
	for i := range st.sigs {
		copy(st.sigs[i][:], sigs[i*len(docSig{}):])
	}
	if !r.Done() {
		return nil, fmt.Errorf("names state: %w", wire.ErrCorrupt)
	}
	return st, nil
}

package names

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/lint"
)

// archiveState is what Archive learns of the whole archive before it
// matches a document: the phrases counted over every document, and the
// index of the archive's names for each least count. Matching only reads
// it.
type archiveState struct {
	cands    map[string]*candidate
	names    []string // the phrases in the order first seen
	parts    map[string][]*candidate
	keyed    map[string]*candidate
	taken    map[string]bool
	distinct [][]string
	indexes  map[int]*Index
}

// A Memo keeps Archive's count of the archive's names from one run to
// the next over the same archive, where only the reported documents
// changed: a language server re-linting the page being edited against
// every other article. The count is used again only when it would come
// out the same: the other documents' facts are the same values, the
// limits and the project too, and the reported documents contribute the
// same spellings, as often, and the same lower-case forms of one-word
// names. Otherwise Archive counts afresh and keeps that.
//
// The zero Memo is empty and ready; a nil *Memo keeps nothing. A Memo is
// safe for concurrent use.
type Memo struct {
	mu       sync.Mutex
	facts    []*Fact // the facts counted, nil where reported
	limits   []Limits
	project  *lint.Project
	reported []bool
	st       *archiveState
	// last are the last run's documents, whose reported ones' contribution
	// the next run compares with its own; low is lowerNames(st), made by
	// the first run that compares.
	lastSrcs  [][]byte
	lastFacts []*Fact
	low       map[string]bool
}

// state returns the archive's state for the run, counted afresh unless
// the memo holds one that would come out the same.
func (m *Memo) state(srcs [][]byte, facts []*Fact, opt *ArchiveOptions) *archiveState {
	if m == nil || opt.Reported == nil {
		return buildState(srcs, facts, opt)
	}
	reported := make([]bool, len(facts))
	ctx := make([]*Fact, len(facts))
	for di, f := range facts {
		reported[di] = opt.Reported(di)
		if !reported[di] {
			ctx[di] = f
		}
	}
	m.mu.Lock()
	prev := m.st
	same := prev != nil && m.project == opt.Project && slices.Equal(m.limits, opt.Limits) &&
		slices.Equal(m.reported, reported) && slices.Equal(m.facts, ctx)
	if same && m.low == nil {
		m.low = lowerNames(prev)
	}
	low, lastSrcs, lastFacts := m.low, m.lastSrcs, m.lastFacts
	m.mu.Unlock()
	if same && sameContribution(srcs, facts, lastSrcs, lastFacts, reported, low) {
		return prev
	}
	st := buildState(srcs, facts, opt)
	m.mu.Lock()
	m.facts, m.limits, m.project, m.reported, m.st = ctx, slices.Clone(opt.Limits), opt.Project, reported, st
	m.lastSrcs, m.lastFacts, m.low = srcs, facts, nil
	m.mu.Unlock()
	return st
}

// sameContribution: the reported documents of the two runs add the same
// to the count.
func sameContribution(srcs [][]byte, facts []*Fact, lastSrcs [][]byte, lastFacts []*Fact, reported []bool, low map[string]bool) bool {
	return string(contribution(srcs, facts, reported, low)) == string(contribution(lastSrcs, lastFacts, reported, low))
}

// lowerNames are the lower-case forms of the one-word phrases, which
// countLower counts in the documents' words.
func lowerNames(st *archiveState) map[string]bool {
	low := map[string]bool{}
	for _, s := range st.names {
		if !strings.Contains(s, " ") {
			low[strings.ToLower(s)] = true
		}
	}
	return low
}

// contribution is what the reported documents add to the count, as
// bytes: each one's proper spellings with how often it writes them (what
// countCandidates counts), and its words that are a one-word name's
// lower-case form (what countLower counts).
func contribution(srcs [][]byte, facts []*Fact, reported []bool, low map[string]bool) []byte {
	var sig []byte
	var ws []word
	for di, f := range facts {
		if !reported[di] {
			continue
		}
		sig = binary.AppendUvarint(sig, uint64(di))
		if f == nil {
			sig = append(sig, 0xff)
			continue
		}
		for s := range f.allSpells() {
			if s.kind != KindProper || s.loose {
				continue
			}
			sig = binary.AppendUvarint(sig, uint64(s.count))
			sur := f.str(s.surface)
			sig = binary.AppendUvarint(sig, uint64(len(sur)))
			sig = append(sig, sur...)
		}
		sig = append(sig, 0xfe)
		if len(low) == 0 || di >= len(srcs) {
			continue
		}
		ws = unpackWords(ws[:0], f.words, f.nwords)
		for _, w := range ws {
			if w.lower() && w.letters >= 5 {
				if t := srcs[di][w.start:w.end]; low[string(t)] {
					sig = binary.AppendUvarint(sig, uint64(len(t)))
					sig = append(sig, t...)
				}
			}
		}
		sig = append(sig, 0xfd)
	}
	return sig
}

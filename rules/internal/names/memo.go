package names

import (
	"encoding/binary"
	"slices"
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
	// meta are the documents' front matter values (metaFacts)
	meta []*Fact
	// sigs are what each document adds to the state (contributionSig)
	sigs []docSig
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
	// the next run compares with its own; low is lowNames(st.names), made
	// by the first run that compares.
	lastSrcs  [][]byte
	lastFacts []*Fact
	low       *lowNameSet
}

// state returns the archive's state for the run, counted afresh unless
// the memo holds one that would come out the same.
func (m *Memo) state(srcs [][]byte, facts []*Fact, opt *ArchiveOptions) *archiveState {
	if m == nil || opt.Reported == nil {
		return storedState(srcs, facts, opt)
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
		m.low = lowNames(prev.names)
	}
	low, lastSrcs, lastFacts := m.low, m.lastSrcs, m.lastFacts
	m.mu.Unlock()
	if same && sameContribution(srcs, facts, lastSrcs, lastFacts, reported, low) {
		return prev
	}
	st := storedState(srcs, facts, opt)
	m.mu.Lock()
	m.facts, m.limits, m.project, m.reported, m.st = ctx, slices.Clone(opt.Limits), opt.Project, reported, st
	m.lastSrcs, m.lastFacts, m.low = srcs, facts, nil
	m.mu.Unlock()
	return st
}

// sameContribution: the reported documents of the two runs add the same
// to the count.
func sameContribution(srcs [][]byte, facts []*Fact, lastSrcs [][]byte, lastFacts []*Fact, reported []bool, low *lowNameSet) bool {
	return string(contribution(srcs, facts, reported, low)) == string(contribution(lastSrcs, lastFacts, reported, low))
}

// contribution is what the reported documents add to the count, as
// bytes: each one's number and contributionSig.
func contribution(srcs [][]byte, facts []*Fact, reported []bool, low *lowNameSet) []byte {
	var sig []byte
	for di := range facts {
		if reported[di] {
			sig = binary.AppendUvarint(sig, uint64(di))
			s := low.sig(srcs, facts, di)
			sig = append(sig, s[:]...)
		}
	}
	return sig
}

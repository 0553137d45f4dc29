package names

import (
	"sync"

	"github.com/copydesk/copydesk/lint"
)

// Scratch is the memory mining and matching reuse from one document to the
// next: buffers and tables as long as a document's words. It belongs to
// whoever drives the documents, never to this package: the engine, for a
// document's rules (DocScratch), or a loop over documents that keeps one
// on each goroutine. A Scratch serves one document at a time; the zero
// value is ready, and a nil *Scratch asks for memory of the call's own.
type Scratch struct {
	match matcher
	mine  miner
	pool  *sync.Pool // where DocScratch got it from
}

// DocScratch is the scratch of a document's name rules: a rule that lists
// it in Requires reads it with DocScratch.Of(pass). It comes from a pool
// the engine keeps for its life (a lint.ProjectValue), as the engine keeps
// its parsers, and goes back when the document is done.
var DocScratch = &lint.Input[*Scratch]{
	Name: "name scratch",
	Build: func(pass *lint.Pass) *Scratch {
		pool := scratchPool.Get(pass)
		s := pool.Get().(*Scratch)
		s.pool = pool
		return s
	},
	Release: func(s *Scratch) {
		if s.pool != nil {
			s.pool.Put(s)
		}
	},
}

var scratchPool = lint.NewProjectValue("name scratch pool", func(*lint.Project) *sync.Pool {
	return &sync.Pool{New: func() any { return new(Scratch) }}
})

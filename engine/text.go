package engine

import (
	"errors"
	"fmt"
	"hash/maphash"
	"sync"
	"sync/atomic"

	"github.com/copydesk/copydesk/filter"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/read"
)

// A goneText is what the engine keeps of a text it let go before the end
// of the run: enough to tell whether the file read again still holds it.
// The corpus rules' facts and findings are offsets into the text as it
// was read; in a file changed since, they would point elsewhere.
type goneText struct {
	size int
	hash uint64
	// checked: the hash is known (the text came from Parse); a text
	// whose encoding was repaired is not compared.
	checked bool
	// changed is set when the file read again did not hold the text.
	changed atomic.Bool
}

// errChanged is the error of a file that changed on disk between the
// read that linted it and the one that reports on it.
var errChanged = errors.New("the file changed while copydesk was linting it; lint it again")

// letGo lets f's text go, remembering what it was.
func (e *Engine) letGo(f *FileResult) {
	src := f.Summary.Src
	f.gone = &goneText{size: len(src), checked: f.parsed}
	if f.parsed {
		f.gone.hash = maphash.Bytes(e.hashSeed(), src)
	}
	f.Summary.Src = nil
}

func (e *Engine) hashSeed() maphash.Seed {
	e.seedOnce.Do(func() { e.seed = maphash.MakeSeed() })
	return e.seed
}

// textAgain reads f's text again, as Parse read it. It fails when the
// file cannot be read, or holds another text than the one linted: then
// f is marked as changed.
func (e *Engine) textAgain(f *FileResult) ([]byte, error) {
	e.rereads.Add(1)
	src := f.src
	if src == nil {
		var err error
		if src, err = e.read(f.Path); err != nil {
			if f.gone != nil {
				f.gone.changed.Store(true)
			}
			return nil, err
		}
	}
	src = parse.Text(src)
	if g := f.gone; g != nil && g.checked && (len(src) != g.size || maphash.Bytes(e.hashSeed(), src) != g.hash) {
		g.changed.Store(true)
		return nil, errChanged
	}
	return src, nil
}

// finish runs the filters over the files' findings and keeps of each
// what e.Keep says, once the corpus rules are done, reading again, a few
// files at a time, the texts let go. A file changed since it was linted
// is reported as such, without findings: their positions are in a text
// that is no longer there.
//
// With parallel (the run let the texts go), files are read and filtered
// by several workers, as the workers filter them when no corpus rule
// runs; otherwise one at a time, in path order.
func (e *Engine) finish(files []*FileResult, parallel bool, workers int, chain filter.Chain) {
	one := func(f *FileResult) {
		if f.Summary == nil {
			return
		}
		if g := f.gone; g != nil {
			src, err := e.textAgain(f)
			switch {
			case err == nil && g.changed.Load():
				// A corpus rule found it changed (and missed its
				// facts), and it is back as it was.
				err = errChanged
			case err != nil && !errors.Is(err, errChanged):
				err = fmt.Errorf("read again to report its findings: %w", read.Explain(err))
			}
			if err != nil {
				f.Err = errors.Join(f.Err, err)
				f.Summary, f.Diagnostics, f.gone = nil, nil, nil
				return
			}
			f.Summary.Src, f.gone = src, nil
		}
		e.filter(f, chain)
		e.release(f)
	}
	if !parallel || workers <= 1 || len(files) < 2 {
		for _, f := range files {
			one(f)
		}
		return
	}
	next := make(chan *FileResult)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for f := range next {
				one(f)
			}
		})
	}
	for _, f := range files {
		next <- f
	}
	close(next)
	wg.Wait()
}

package lsp

import (
	"sort"
	"sync"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/filter"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/workspace"
)

// A document is checked in two passes. The document pass runs its own
// rules, a few milliseconds for a long article, shortly after typing
// pauses. The full pass also runs the rules that compare it with the whole
// archive, which cost tens of milliseconds over a large one, after a longer
// pause; until it runs again, the findings of the last one are shown,
// moved along with the edits made since (and dropped where an edit
// touched them).
type pass uint8

const (
	passDocument pass = iota + 1
	passFull
)

// queue holds the documents waiting for a pass, the stronger pass winning
// when both are asked for; one worker takes them in turn.
type queue struct {
	mu      sync.Mutex
	pending map[string]pass
	order   []string
	signal  chan struct{}
}

func newQueue() *queue {
	return &queue{pending: map[string]pass{}, signal: make(chan struct{}, 1)}
}

func (q *queue) push(uri string, p pass) {
	q.mu.Lock()
	old, ok := q.pending[uri]
	if !ok {
		q.order = append(q.order, uri)
	}
	q.pending[uri] = max(old, p)
	q.mu.Unlock()
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

// pushFirst queues uri ahead of the others: a saved file must be in the
// index before the files that read it are checked.
func (q *queue) pushFirst(uri string, p pass) {
	q.mu.Lock()
	old, ok := q.pending[uri]
	if ok {
		for i, u := range q.order {
			if u == uri {
				q.order = append(q.order[:i], q.order[i+1:]...)
				break
			}
		}
	}
	q.order = append([]string{uri}, q.order...)
	q.pending[uri] = max(old, p)
	q.mu.Unlock()
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

func (q *queue) pop() (string, pass, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.order) == 0 {
		return "", 0, false
	}
	uri := q.order[0]
	q.order = q.order[1:]
	p := q.pending[uri]
	delete(q.pending, uri)
	return uri, p, true
}

func (s *Server) worker() {
	for {
		select {
		case <-s.done:
			return
		case <-s.queue.signal:
		}
		for {
			uri, p, ok := s.queue.pop()
			if !ok {
				break
			}
			s.lintDoc(uri, p)
		}
	}
}

// corpusTier reports whether a finding comes from the full pass only.
func corpusTier(reg *lint.Registry, rule string) bool {
	if rule == "unused-suppression" {
		return true
	}
	r, ok := reg.Lookup(rule)
	return ok && r.Corpus != nil
}

// lintDoc runs one pass over an open document and publishes the result
// if the document did not change meanwhile.
func (s *Server) lintDoc(uri string, p pass) {
	s.mu.Lock()
	d := s.docs[uri]
	ws, ready := s.ws, s.ready
	if d == nil || ws == nil || s.shutdown {
		s.mu.Unlock()
		return
	}
	if !ready {
		p = passDocument
	}
	path, src, version, mark := d.path, d.src, d.version, d.editBase+len(d.edits)
	s.mu.Unlock()

	if isExcluded(ws, path) {
		s.store(d, version, src, nil, false)
		return
	}
	in := engine.Input{Path: path, Src: src}
	var own, corpus []lint.Diagnostic
	if p == passFull {
		f := ws.Index.Update(in)
		for _, dg := range f.Diagnostics {
			if corpusTier(ws.Engine.Registry, dg.Rule) {
				corpus = append(corpus, dg)
			} else {
				own = append(own, dg)
			}
		}
	} else {
		ds, _ := ws.Engine.LintSource(in)
		for _, dg := range ds {
			if !corpusTier(ws.Engine.Registry, dg.Rule) {
				own = append(own, dg)
			}
		}
	}

	s.mu.Lock()
	if s.docs[uri] != d {
		s.mu.Unlock()
		return
	}
	if p == passFull {
		// Bring the archive's findings up to the text as it is now.
		for _, e := range d.edits[max(0, mark-d.editBase):] {
			corpus = shiftAll(corpus, e)
		}
		d.corpus = corpus
		// Edits before this pass are no longer needed to move anything.
		d.editBase += len(d.edits)
		d.edits = nil
	}
	s.mu.Unlock()
	s.store(d, version, src, own, true)
}

// store shows own plus the document's archive findings, if src is still
// the document's text.
func (s *Server) store(d *buffer, version int, src []byte, own []lint.Diagnostic, withCorpus bool) {
	s.mu.Lock()
	if d.version != version || s.docs[d.uri] != d {
		s.mu.Unlock()
		return
	}
	all := append([]lint.Diagnostic(nil), own...)
	if withCorpus {
		all = append(all, d.corpus...)
	}
	sort.SliceStable(all, func(i, j int) bool { return filter.Less(&all[i], &all[j]) })
	d.diags, d.shownSrc, d.shownVer = all, src, version
	enc := s.enc
	published := s.published
	s.mu.Unlock()
	v := version
	_ = s.conn.Notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: toLSP(all, src, enc)})
	if published != nil {
		published(d.uri, version)
	}
}

// current returns the document's findings for its current text, running
// the document pass first if what is shown is older.
func (s *Server) current(uri string) (*buffer, *workspace.Workspace, []lint.Diagnostic, []byte, bool) {
	s.mu.Lock()
	d := s.docs[uri]
	ws := s.ws
	if d == nil || ws == nil {
		s.mu.Unlock()
		return nil, nil, nil, nil, false
	}
	fresh := d.shownVer == d.version && d.shownSrc != nil
	s.mu.Unlock()
	if !fresh {
		s.lintDoc(uri, passDocument)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d.shownVer != d.version {
		return nil, nil, nil, nil, false
	}
	return d, ws, d.diags, d.shownSrc, true
}

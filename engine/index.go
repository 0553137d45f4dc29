package engine

import (
	"errors"
	"runtime"
	"sort"
	"sync"

	"github.com/copydesk/copydesk/lint"
)

// An Index keeps what the corpus rules need of every article of an archive
// (each file's summary and collected facts), so that one text can be linted
// against the whole archive without reading it again. The language server
// and the web page hold one for as long as they run; the lint command does
// not need it.
//
// An Index is safe for concurrent use. Its engine must not change while
// the index is in use: a new configuration needs a new index.
type Index struct {
	eng   *Engine
	mu    sync.RWMutex
	files map[string]*FileResult
	known map[string]bool // every file known to exist, articles or not
	// kept holds the corpus rules' memos between runs (lint.KeptValue),
	// each of which checks that it still applies.
	kept lint.Values
}

// NewIndex returns an empty index over e. The index owns e.KnownFiles from
// now on: it sets it, and changes it only under its lock.
func (e *Engine) NewIndex(roots []string) *Index {
	x := &Index{eng: e, files: map[string]*FileResult{}, known: map[string]bool{}}
	e.KnownFiles = &lint.KnownFiles{Roots: roots, Files: x.known}
	return x
}

// Add reads, parses and collects the corpus facts of the inputs in
// parallel, without running the document rules, and keeps them. It
// returns the files that could not be read or parsed. progress, when not
// nil, is called after each input with the number done and the total.
func (x *Index) Add(inputs []Input, progress func(done, total int)) []*FileResult {
	out := make([]*FileResult, len(inputs))
	workers := min(2*runtime.GOMAXPROCS(0), len(inputs))
	next := make(chan int)
	var wg sync.WaitGroup
	var pmu sync.Mutex
	done := 0
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := inputs[i]
				in.CorpusOnly = true
				out[i] = x.eng.lintInput(in, true)
				if progress != nil {
					pmu.Lock()
					done++
					progress(done, len(inputs))
					pmu.Unlock()
				}
			}
		}()
	}
	for i := range inputs {
		next <- i
	}
	close(next)
	wg.Wait()
	var failed []*FileResult
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, f := range out {
		x.known[f.Path] = true
		if f.Summary == nil {
			delete(x.files, f.Path)
			failed = append(failed, f)
			continue
		}
		f.Diagnostics = nil
		x.files[f.Path] = f
	}
	return failed
}

// Remove forgets a file: it was deleted, or it is no longer an article
// of the archive.
func (x *Index) Remove(path string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	delete(x.files, path)
	delete(x.known, path)
}

// SetKnown records whether a file that is not indexed (an image, a PDF)
// exists, for the rules that check links to files.
func (x *Index) SetKnown(path string, exists bool) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if exists {
		x.known[path] = true
	} else {
		delete(x.known, path)
	}
}

// Has reports whether path is indexed.
func (x *Index) Has(path string) bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.files[path] != nil
}

// Len returns the number of indexed articles.
func (x *Index) Len() int {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return len(x.files)
}

// Paths returns the indexed articles' paths, sorted.
func (x *Index) Paths() []string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := make([]string, 0, len(x.files))
	for p := range x.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Lint checks one input with every rule, the corpus rules against the
// whole index, where in stands for the indexed file of the same path (an
// editor's unsaved buffer counts instead of what is on disk). The index
// does not change. Only in's findings are returned, filtered and sorted as
// Engine.Lint filters them.
func (x *Index) Lint(in Input) *FileResult {
	f, _ := x.lint(in, false)
	return f
}

// Update is Lint, after which in's text replaces the indexed file of the
// same path for later runs: an editor's buffer while it is open.
func (x *Index) Update(in Input) *FileResult {
	f, _ := x.lint(in, true)
	return f
}

func (x *Index) lint(in Input, keep bool) (*FileResult, bool) {
	in.CorpusOnly = false
	f := x.eng.lintInput(in, true)
	if f.Summary == nil {
		return f, false
	}
	if keep {
		x.mu.Lock()
		kept := *f
		kept.Diagnostics = nil
		x.files[f.Path] = &kept
		x.known[f.Path] = true
		x.mu.Unlock()
	}
	x.mu.RLock()
	// The corpus rules append what they find to every file they report on:
	// they run over copies, and only f's findings are kept.
	files := make([]*FileResult, 0, len(x.files)+1)
	for p, g := range x.files {
		if p != f.Path {
			c := *g
			c.Diagnostics = nil
			c.corpusOnly = true // context: only f is reported
			files = append(files, &c)
		}
	}
	files = append(files, f)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	_, errs := x.eng.runCorpusRules(files, &x.kept)
	x.mu.RUnlock()
	// A corpus rule that failed is the run's failure; f is all the run
	// returns, so it carries the error, which names the rule.
	f.Err = errors.Join(append([]error{f.Err}, errs...)...)
	x.eng.filter(f, x.eng.filters())
	f.facts = nil
	return f, true
}

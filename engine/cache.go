package engine

import (
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/internal/wire"
)

// A ContextCache keeps what reading a context file (Input.CorpusOnly)
// left for the corpus rules, so that the next run over the same archive
// need not read, parse and collect it again: a pre-commit hook linting
// one file in a large archive then costs little more than the file.
//
// The cache decides whether what it keeps still applies (the file
// unchanged, the same configuration and binary); the engine trusts what
// Get returns. Get and Put are called from the workers concurrently.
type ContextCache interface {
	Get(path string) (*ContextFile, bool)
	// Put offers what a run read of a context file; the cache keeps it
	// for the next run only if the run as a whole succeeds.
	Put(path string, f *ContextFile)
	// Archive returns where the corpus rules may keep their work over the
	// documents paths names, in the run's order (lint.ArchiveStore), or
	// nil when the cache did not look at every one of them. It is called
	// once a run, after the workers.
	Archive(paths []string) ArchiveKeeper
}

// An ArchiveKeeper keeps each corpus rule's work over one set of
// documents, by rule ID (see lint.ArchiveStore).
type ArchiveKeeper interface {
	Load(rule string) (b []byte, changed []int, ok bool)
	Save(rule string, b []byte)
}

// ruleStore is an ArchiveKeeper seen by one rule.
type ruleStore struct {
	k    ArchiveKeeper
	rule string
}

func (s ruleStore) Load() ([]byte, []int, bool) { return s.k.Load(s.rule) }
func (s ruleStore) Save(b []byte)               { s.k.Save(s.rule, b) }

// archiveKeeper is where the corpus rules of a run over files may keep
// their work: nil unless every document is a file the cache looked at (a
// text given, a fixed file or standard input, is not the file on disk).
func (e *Engine) archiveKeeper(files []*FileResult) ArchiveKeeper {
	if e.Cache == nil {
		return nil
	}
	paths := make([]string, len(files))
	for i, f := range files {
		if f.src != nil {
			return nil
		}
		paths[i] = f.Path
	}
	return e.Cache.Archive(paths)
}

// A ContextFile is what the corpus rules need of a context file.
type ContextFile struct {
	// Summary is the file's summary without its text (Src is nil); nil
	// when the file is not an article (Skipped).
	Summary *document.Summary
	// Skipped says why the file is not an article.
	Skipped string
	// Facts are what the corpus rules collected of it, by rule ID.
	Facts map[string]any
}

// fromCache is the result of reading a context file as the cache keeps it.
func (e *Engine) fromCache(in Input, c *ContextFile) *FileResult {
	f := &FileResult{Path: in.Path, Summary: c.Summary, Skipped: c.Skipped, corpusOnly: true}
	if c.Skipped != "" || c.Summary == nil {
		return f
	}
	// The cache keeps a file under one name; a run from another folder
	// names it otherwise, and links resolve from the name it gives.
	c.Summary.Path = in.Path
	f.rel = e.Config.Rel(configPath(in))
	f.settings = e.Config.Settings(e.Registry, f.rel)
	for _, r := range e.Registry.Rules() {
		if r.Corpus != nil && r.Corpus.Collects() && !e.Config.OffEverywhere(r.ID) {
			f.facts = append(f.facts, ruleFact{r, c.Facts[r.ID]})
		}
	}
	return f
}

// toCache is what the cache may keep of a context file just read: nil for
// a file that failed.
func toCache(f *FileResult) *ContextFile {
	if f.Err != nil || f.Summary == nil && f.Skipped == "" {
		return nil
	}
	c := &ContextFile{Summary: f.Summary, Skipped: f.Skipped}
	if len(f.facts) > 0 {
		c.Facts = make(map[string]any, len(f.facts))
		for _, rf := range f.facts {
			c.Facts[rf.rule.ID] = rf.fact
		}
	}
	return c
}

// Storable reports whether every corpus rule that collects facts can
// store them (lint.FactCodec): a cache on disk is of use only then.
func (e *Engine) Storable() bool {
	for _, r := range e.Registry.Rules() {
		if r.Corpus != nil && !r.Corpus.Storable() {
			return false
		}
	}
	return true
}

// EncodeContextFile turns c into bytes for a cache on disk; it fails on
// a fact or front matter value that cannot be stored.
func (e *Engine) EncodeContextFile(c *ContextFile) ([]byte, error) {
	w := &wire.Writer{B: make([]byte, 0, 1024)} // a summary without its text is mostly smaller
	w.String(c.Skipped)
	w.Bool(c.Summary != nil)
	if c.Summary != nil {
		if err := document.AppendSummary(w, c.Summary); err != nil {
			return nil, err
		}
	}
	ids := make([]string, 0, len(c.Facts))
	for id := range c.Facts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	facts := make([][]byte, len(ids))
	size := 0
	for i, id := range ids {
		r, ok := e.Registry.Lookup(id)
		if !ok || r.Corpus == nil {
			return nil, fmt.Errorf("facts of an unknown rule %s", id)
		}
		b, ok := r.Corpus.EncodeFact(c.Facts[id])
		if !ok {
			return nil, fmt.Errorf("rule %s: its facts cannot be stored", id)
		}
		facts[i] = b
		size += len(id) + len(b) + 2*binary.MaxVarintLen64
	}
	// Grown once to its size: grown by appending, an entry (tens of
	// kilobytes for a long article) was copied again at each doubling.
	w.B = slices.Grow(w.B, size+binary.MaxVarintLen64)
	w.Uint(uint64(len(ids)))
	for i, id := range ids {
		w.String(id)
		w.Bytes(facts[i])
	}
	return w.B, nil
}

// DecodeContextFile reads back what EncodeContextFile made; it fails on
// bytes it did not make, and on facts of a rule this registry lacks. What
// it returns shares b's memory: b must never change again.
func (e *Engine) DecodeContextFile(b []byte) (*ContextFile, error) {
	r := wire.NewSharedReader(b)
	c := &ContextFile{Skipped: r.String()}
	if r.Bool() {
		c.Summary = document.ReadSummary(r)
	}
	n := r.Len(2)
	for range n {
		id, fb := r.String(), r.Bytes()
		if r.Err() != nil {
			break
		}
		rule, ok := e.Registry.Lookup(id)
		if !ok || rule.Corpus == nil {
			return nil, fmt.Errorf("facts of an unknown rule %s", id)
		}
		f, err := rule.Corpus.DecodeFact(fb)
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", id, err)
		}
		if c.Facts == nil {
			c.Facts = make(map[string]any, n)
		}
		c.Facts[id] = f
	}
	if !r.Done() {
		return nil, fmt.Errorf("context file: %w", wire.ErrCorrupt)
	}
	if c.Summary == nil && c.Skipped == "" {
		return nil, fmt.Errorf("context file: %w", wire.ErrCorrupt)
	}
	return c, nil
}

package engine

import (
	"github.com/copydesk/copydesk/document"
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
	cfgPath := in.ConfigPath
	if cfgPath == "" {
		cfgPath = in.Path
	}
	f.rel = e.Config.Rel(cfgPath)
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

package engine

import (
	"bytes"
	"slices"
)

// Checked is one file as the document rules left it, before the corpus
// rules and the filters: its summary (with its text), findings and the
// facts the corpus rules collected. It is never modified; Lint works on
// copies of it. It holds the text whatever Engine.Keep says, since a later
// Lint given it (Input.Checked) compares texts and may hand the summary
// to the corpus rules again.
type Checked struct {
	configPath string // ConfigPath, or Path when that is empty
	corpusOnly bool
	f          FileResult
}

// Src is the text the file was checked in; nil for a context file whose
// text went after parsing (Engine.Cache).
func (c *Checked) Src() []byte { return c.f.Summary.Src }

// checked returns f as the document rules left it, for Engine.Checked, or
// nil when f has no text to compare a later input with.
func checked(in Input, f *FileResult) *Checked {
	if f.Summary == nil || f.Excerpt != nil {
		return nil
	}
	c := &Checked{configPath: configPath(in), corpusOnly: in.CorpusOnly, f: *f}
	c.f.Diagnostics = slices.Clone(f.Diagnostics) // the filters reuse the array
	return c
}

// reuse returns a fresh copy of the result c holds if c was made from
// in's path, config path and text, and nil otherwise. A context file
// whose text went after parsing (Engine.Cache) is taken as it was read
// earlier in the run, as one with its text would be.
func (c *Checked) reuse(in Input) *FileResult {
	if c == nil || c.f.Path != in.Path || c.configPath != configPath(in) || c.corpusOnly != in.CorpusOnly {
		return nil
	}
	if textless := c.f.Summary.Src == nil; textless != (in.Src == nil) || textless && !c.corpusOnly ||
		!bytes.Equal(c.f.Summary.Src, in.Src) {
		return nil
	}
	f := c.f
	f.Diagnostics = slices.Clone(c.f.Diagnostics)
	return &f
}

func configPath(in Input) string {
	if in.ConfigPath == "" {
		return in.Path
	}
	return in.ConfigPath
}

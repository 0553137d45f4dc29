// Package baseline records the problems an archive has today so that later
// runs report only new ones; findings are matched by text, not by line.
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/filter"
	"github.com/copydesk/copydesk/lint"
)

// Version is the file format this package reads and writes.
const Version = 1

// File is a baseline as stored: a JSON object with a version key and one
// entry per distinct finding, sorted, so that it diffs well under review.
type File struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

// Entry is one finding, or several identical ones in the same file.
type Entry struct {
	// Path is slash-separated and relative to the baseline file's folder,
	// so that the baseline works from any folder of the repository.
	Path string `json:"path"`
	Rule string `json:"rule"`
	// Context is the finding's text ⟦marked⟧ with a few words either side,
	// for the people who review the file; matching uses Fingerprint.
	Context     string `json:"context"`
	Fingerprint string `json:"fingerprint"`
	// Count is how many identical findings the entry stands for: a third
	// doubled "the the" in a paragraph already holding two is new.
	Count int `json:"count"`
}

// Baseline is a loaded or recorded baseline together with the folder its
// paths are relative to.
type Baseline struct {
	Dir     string // absolute
	Entries []Entry
}

// Record builds a baseline of every diagnostic in res, for a file to be
// written in dir. Files that failed to parse have no source to fingerprint
// and are left out.
func Record(dir string, res *engine.Result) (*Baseline, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("baseline folder: %w", err)
	}
	b := &Baseline{Dir: dir}
	index := map[string]int{}
	for _, f := range res.Files {
		if f.Summary == nil {
			continue
		}
		path := b.rel(f.Path)
		for i := range f.Diagnostics {
			d := &f.Diagnostics[i]
			fp, ctx := Fingerprint(d.Rule, path, f.Summary.Src, d.Start, d.End)
			if j, ok := index[fp]; ok {
				b.Entries[j].Count++
				continue
			}
			index[fp] = len(b.Entries)
			b.Entries = append(b.Entries, Entry{Path: path, Rule: d.Rule, Context: ctx, Fingerprint: fp, Count: 1})
		}
	}
	sortEntries(b.Entries)
	return b, nil
}

// rel is path as stored: relative to the baseline's folder, slash-separated.
func (b *Baseline) rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(b.Dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

func sortEntries(es []Entry) {
	sort.Slice(es, func(i, j int) bool {
		a, b := &es[i], &es[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Context != b.Context {
			return a.Context < b.Context
		}
		return a.Fingerprint < b.Fingerprint
	})
}

// Problems is the number of findings the baseline stands for.
func (b *Baseline) Problems() int {
	n := 0
	for _, e := range b.Entries {
		n += e.Count
	}
	return n
}

// Files is the number of files with entries.
func (b *Baseline) Files() int {
	seen := map[string]bool{}
	for _, e := range b.Entries {
		seen[e.Path] = true
	}
	return len(seen)
}

// Marshal renders the file: indented, entries sorted, no HTML escaping,
// a final newline.
func (b *Baseline) Marshal() ([]byte, error) {
	es := append([]Entry{}, b.Entries...)
	sortEntries(es)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(File{Version: Version, Entries: es}); err != nil {
		return nil, fmt.Errorf("encode baseline: %w", err)
	}
	return buf.Bytes(), nil
}

// Write saves the baseline to file, replacing it whole or not at all.
func (b *Baseline) Write(file string) error {
	data, err := b.Marshal()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".*")
	if err != nil {
		return fmt.Errorf("write baseline %s: %w", file, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write baseline %s: %w", file, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write baseline %s: %w", file, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write baseline %s: %w", file, err)
	}
	if err := os.Rename(tmp.Name(), file); err != nil {
		return fmt.Errorf("write baseline %s: %w", file, err)
	}
	return nil
}

// Read loads a baseline file written by Write.
func Read(file string) (*Baseline, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("read baseline: %w; record one with --write-baseline %s", err, file)
	}
	if err != nil {
		return nil, fmt.Errorf("read baseline: %w", err)
	}
	b, err := Parse(data, file)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, fmt.Errorf("baseline folder: %w", err)
	}
	b.Dir = dir
	return b, nil
}

// Parse decodes a baseline file's contents; name is used in errors.
func Parse(data []byte, name string) (*Baseline, error) {
	var head struct {
		Version *int `json:"version"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("baseline %s is not valid JSON: %w", name, err)
	}
	if head.Version == nil {
		return nil, fmt.Errorf("baseline %s has no \"version\" key; is it a copydesk baseline?", name)
	}
	if *head.Version != Version {
		return nil, fmt.Errorf("baseline %s has version %d, and this copydesk reads version %d; record it again with --write-baseline", name, *head.Version, Version)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f File
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", name, err)
	}
	for i, e := range f.Entries {
		if e.Path == "" || e.Rule == "" || e.Fingerprint == "" || e.Count < 1 {
			return nil, fmt.Errorf("baseline %s: entry %d needs a path, a rule, a fingerprint and a count of at least 1", name, i+1)
		}
	}
	return &Baseline{Entries: f.Entries}, nil
}

// Outcome is what applying a baseline did.
type Outcome struct {
	// Hidden is the number of diagnostics dropped because the baseline
	// has them.
	Hidden int
	// Fixed lists the entries, in files linted this time, that matched
	// fewer findings than their count; Count is the number no longer found.
	Fixed []Entry
}

// FixedCount is the number of baseline findings no longer found.
func (o Outcome) FixedCount() int {
	n := 0
	for _, e := range o.Fixed {
		n += e.Count
	}
	return n
}

// A Matcher is a baseline as the last step of the filter chain: it drops
// the findings the baseline has, so that only new ones are reported, and
// keeps count for the Outcome. Of several identical findings, the first
// ones in the file are the baselined ones, so it runs after filter.Sort.
// Entries for files that were not linted this time, or could not be read
// whole, are neither matched nor counted as fixed.
//
// A Matcher is safe for concurrent use; one serves every engine of a run.
type Matcher struct {
	b      *Baseline
	mu     sync.Mutex
	budget map[string]int  // findings still to hide, by fingerprint
	linted map[string]bool // files linted whole, as entries spell them
	hidden int
}

// Matcher returns a fresh matcher of the baseline's entries.
func (b *Baseline) Matcher() *Matcher {
	m := &Matcher{b: b, budget: make(map[string]int, len(b.Entries)), linted: map[string]bool{}}
	for _, e := range b.Entries {
		m.budget[e.Fingerprint] += e.Count
	}
	return m
}

// Step is the matcher as a filter.Step.
func (m *Matcher) Step(f *filter.File, ds []lint.Diagnostic) []lint.Diagnostic {
	path := m.b.rel(f.Path)
	m.mu.Lock()
	defer m.mu.Unlock()
	if !f.Failed {
		m.linted[path] = true
	}
	kept := ds[:0]
	for _, d := range ds {
		fp, _ := Fingerprint(d.Rule, path, f.Summary.Src, d.Start, d.End)
		if m.budget[fp] > 0 {
			m.budget[fp]--
			m.hidden++
			continue
		}
		kept = append(kept, d)
	}
	return kept
}

// Outcome says what the matcher did to the files it has seen.
func (m *Matcher) Outcome() Outcome {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := Outcome{Hidden: m.hidden}
	left := maps.Clone(m.budget)
	for _, e := range m.b.Entries {
		if !m.linted[e.Path] {
			continue
		}
		if n := min(left[e.Fingerprint], e.Count); n > 0 {
			left[e.Fingerprint] -= n
			e.Count = n
			out.Fixed = append(out.Fixed, e)
		}
	}
	sortEntries(out.Fixed)
	return out
}

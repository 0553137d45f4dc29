// Package report renders lint results for people (text) and for programs
// (JSON, SARIF, CI annotations, XML); every output format implements Formatter.
package report

import (
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
)

// Tool identifies copydesk in machine-readable output.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Report is everything a formatter needs: the diagnostics in output order,
// the sources to compute lines and columns, and files that failed.
type Report struct {
	Tool        Tool
	Files       int
	Diagnostics []lint.Diagnostic
	Failed      []FileError
	// Rules is every registered rule, in registry order: SARIF lists them
	// all, not only those with findings. The CLI fills it from the registry.
	Rules []*lint.Rule
	// Root is the absolute path of the repository root. Formats that need
	// repository-relative paths (SARIF, GitHub annotations) make paths
	// relative to it; relative paths are first resolved against the current
	// directory. Empty means paths are used as given.
	Root    string
	sources map[string]*document.Excerpt
	linted  []string // every file linted, failed ones included
}

// FileError is a file that could not be linted.
type FileError struct {
	Path string `json:"path"`
	// PathBytes is set by the JSON formats for a path that is not UTF-8:
	// see jsonDiagnostic.
	PathBytes string `json:"path_bytes,omitempty"`
	Message   string `json:"message"`
}

// New builds a report from an engine result.
func New(tool Tool, res *engine.Result) *Report {
	n := 0
	for _, f := range res.Files {
		n += len(f.Diagnostics)
	}
	// Sized once: on a large archive the findings are most of what is left
	// at the end, and growing their copy doubled it on the way.
	r := &Report{Tool: tool, Files: len(res.Files), Diagnostics: make([]lint.Diagnostic, 0, n),
		linted: make([]string, 0, len(res.Files)), sources: make(map[string]*document.Excerpt, len(res.Files))}
	for _, f := range res.Files {
		r.linted = append(r.linted, f.Path)
		switch {
		case f.Excerpt != nil:
			r.sources[f.Path] = f.Excerpt
		case f.Summary != nil:
			if x, ok := engine.NewExcerpt(f.Summary, f.Diagnostics, true); ok {
				r.sources[f.Path] = x
			}
		}
		if f.Err != nil {
			r.Failed = append(r.Failed, FileError{Path: f.Path, Message: f.Err.Error()})
		}
		r.Diagnostics = append(r.Diagnostics, f.Diagnostics...)
	}
	return r
}

// Source returns what is kept of the file a diagnostic belongs to: the
// positions of its findings and, unless the engine kept positions only,
// the lines they are on.
func (r *Report) Source(path string) *document.Excerpt { return r.sources[path] }

// allPaths returns every file of the report, sorted: the files linted (clean
// ones too, for formats that list them), those that failed and any other
// path a diagnostic names.
func (r *Report) allPaths() []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range r.linted {
		add(p)
	}
	for _, f := range r.Failed {
		add(f.Path)
	}
	for i := range r.Diagnostics {
		add(r.Diagnostics[i].Path)
	}
	sort.Strings(out)
	return out
}

// relPath returns path relative to r.Root, slash-separated, and whether it
// is relative at all: false for an absolute path outside Root (or any
// absolute path when Root is empty), which is returned absolute.
func (r *Report) relPath(path string) (string, bool) {
	if r.Root == "" {
		if filepath.IsAbs(path) {
			return filepath.ToSlash(path), false
		}
		return filepath.ToSlash(filepath.Clean(path)), true
	}
	abs := path
	if !filepath.IsAbs(abs) {
		var err error
		if abs, err = filepath.Abs(abs); err != nil {
			return filepath.ToSlash(filepath.Clean(path)), true
		}
	}
	rel, err := filepath.Rel(r.Root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(abs), false
	}
	return filepath.ToSlash(rel), true
}

// workspacePath is relPath for consumers that accept only relative paths
// (GitHub annotations): an absolute path outside Root is tried against the
// current directory; ok is false when it lies outside that too.
func (r *Report) workspacePath(path string) (string, bool) {
	p, ok := r.relPath(path)
	if ok {
		return p, true
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// Position is a diagnostic's range as 1-based lines and code-point columns,
// end exclusive.
type Position struct {
	Line, Column, EndLine, EndColumn int
}

// Position computes where a diagnostic is in its file.
func (r *Report) Position(d *lint.Diagnostic) Position {
	x := r.sources[d.Path]
	l, c := position(x, d.Start)
	el, ec := position(x, d.End)
	return Position{l, c, el, ec}
}

// position is where off is in code points, 1:1 when it is not known.
func position(x *document.Excerpt, off int) (line, col int) {
	if x == nil {
		return 1, 1
	}
	if l, c, ok := x.Position(off); ok {
		return l, c
	}
	return 1, 1
}

// bytePosition maps a byte offset to a 1-based line and a 1-based column
// counted in UTF-8 bytes of the line as stored (a byte order mark on line 1
// counts), for consumers that want bytes (reviewdog).
func bytePosition(x *document.Excerpt, off int) (line, col int) {
	if x == nil {
		return 1, 1
	}
	if l, c, ok := x.BytePosition(off); ok {
		return l, c
	}
	return 1, 1
}

// Counts summarises a report.
type Counts struct {
	Problems          int `json:"problems"`
	Errors            int `json:"errors"`
	Warnings          int `json:"warnings"`
	Info              int `json:"info"`
	Fixable           int `json:"fixable"`
	UnsafeFixable     int `json:"unsafe_fixable"`
	FilesWithProblems int `json:"files_with_problems"`
	FilesFailed       int `json:"files_failed"`
}

// Counts tallies the diagnostics by severity and fix.
func (r *Report) Counts() Counts {
	var c Counts
	files := map[string]bool{}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		c.Problems++
		files[d.Path] = true
		switch d.Severity {
		case lint.SeverityError:
			c.Errors++
		case lint.SeverityWarning:
			c.Warnings++
		default:
			c.Info++
		}
		if d.Fix != nil {
			if d.Fix.Applicability == lint.Safe {
				c.Fixable++
			} else {
				c.UnsafeFixable++
			}
		}
	}
	c.FilesWithProblems = len(files)
	c.FilesFailed = len(r.Failed)
	return c
}

// RuleCount is one row of --statistics.
type RuleCount struct {
	Rule    string
	Count   int
	Fixable string // "safe", "unsafe", "mixed" or ""
}

// Statistics counts diagnostics per rule, most frequent first.
func (r *Report) Statistics() []RuleCount {
	type acc struct {
		n            int
		safe, unsafe bool
	}
	m := map[string]*acc{}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		a := m[d.Rule]
		if a == nil {
			a = &acc{}
			m[d.Rule] = a
		}
		a.n++
		if d.Fix != nil {
			if d.Fix.Applicability == lint.Safe {
				a.safe = true
			} else {
				a.unsafe = true
			}
		}
	}
	out := make([]RuleCount, 0, len(m))
	for id, a := range m {
		fx := ""
		switch {
		case a.safe && a.unsafe:
			fx = "mixed"
		case a.safe:
			fx = "safe"
		case a.unsafe:
			fx = "unsafe"
		}
		out = append(out, RuleCount{Rule: id, Count: a.n, Fixable: fx})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// A Formatter writes a report in one output format.
type Formatter interface {
	Format(w io.Writer, r *Report) error
}

package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/copydesk/copydesk/lint"
)

// JSON writes the stable JSON contract CI scripts parse.
type JSON struct{}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	NewText   string `json:"new_text"`
}

type jsonFix struct {
	Applicability string     `json:"applicability"`
	Message       string     `json:"message"`
	Edits         []jsonEdit `json:"edits"`
}

type jsonDiagnostic struct {
	Path      string   `json:"path"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Offset    int      `json:"offset"`
	EndOffset int      `json:"end_offset"`
	Rule      string   `json:"rule"`
	Category  string   `json:"category"`
	Severity  string   `json:"severity"`
	Message   string   `json:"message"`
	Fix       *jsonFix `json:"fix,omitempty"`
}

type jsonReport struct {
	Tool        Tool             `json:"tool"`
	Files       int              `json:"files"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Errors      []FileError      `json:"errors"`
	Summary     Counts           `json:"summary"`
}

// Format implements Formatter.
func (JSON) Format(w io.Writer, r *Report) error {
	out := jsonReport{Tool: r.Tool, Files: r.Files, Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics)), Errors: r.Failed, Summary: r.Counts()}
	if out.Errors == nil {
		out.Errors = []FileError{}
	}
	for i := range r.Diagnostics {
		out.Diagnostics = append(out.Diagnostics, r.jsonDiagnostic(&r.Diagnostics[i]))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func (r *Report) jsonDiagnostic(d *lint.Diagnostic) jsonDiagnostic {
	p := r.Position(d)
	jd := jsonDiagnostic{
		Path: d.Path, Line: p.Line, Column: p.Column, EndLine: p.EndLine, EndColumn: p.EndColumn,
		Offset: d.Start, EndOffset: d.End, Rule: d.Rule, Category: d.Category, Severity: d.Severity.String(), Message: d.Message,
	}
	if d.Fix != nil {
		f := &jsonFix{Applicability: d.Fix.Applicability.String(), Message: d.Fix.Message, Edits: make([]jsonEdit, 0, len(d.Fix.Edits))}
		for _, e := range d.Fix.Edits {
			f.Edits = append(f.Edits, jsonEdit{Offset: e.Start, EndOffset: e.End, NewText: e.NewText})
		}
		jd.Fix = f
	}
	return jd
}

// JSONLines writes one JSON object a line for streaming: each diagnostic
// with exactly the fields of the JSON contract's diagnostic objects, then
// each file that could not be read as {"path", "error"}. A diagnostic always
// has "rule"; a failed file never does.
type JSONLines struct{}

type jsonLinesError struct {
	Path  string `json:"path"`
	Error string `json:"error"`
}

// Format implements Formatter.
func (JSONLines) Format(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := range r.Diagnostics {
		if err := enc.Encode(r.jsonDiagnostic(&r.Diagnostics[i])); err != nil {
			return err
		}
	}
	for _, f := range r.Failed {
		if err := enc.Encode(jsonLinesError{Path: f.Path, Error: f.Message}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

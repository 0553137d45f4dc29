package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"runtime"
	"sync"

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

// Format implements Formatter.
func (JSON) Format(w io.Writer, r *Report) error {
	// One diagnostic per line: readable, diff-friendly, and without the cost
	// of re-indenting a large document.
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	put := func(prefix string, v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		bw.WriteString(prefix)
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		return nil
	}
	errs := r.Failed
	if errs == nil {
		errs = []FileError{}
	}
	if err := put(`{"tool": `, r.Tool); err != nil {
		return err
	}
	if err := put(",\n \"files\": ", r.Files); err != nil {
		return err
	}
	bw.WriteString(",\n \"diagnostics\": [")
	for _, chunk := range r.encodeDiagnostics() {
		bw.Write(chunk)
	}
	if len(r.Diagnostics) > 0 {
		bw.WriteString("\n ")
	}
	bw.WriteString("]")
	if err := put(",\n \"errors\": ", errs); err != nil {
		return err
	}
	if err := put(",\n \"summary\": ", r.Counts()); err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// encodeDiagnostics encodes the diagnostics, one line each, in chunks
// encoded side by side: on a large archive the report was the longest
// stretch of the run that used one core. The chunks keep the order.
func (r *Report) encodeDiagnostics() [][]byte {
	const perChunk = 2048
	n := (len(r.Diagnostics) + perChunk - 1) / perChunk
	chunks := make([][]byte, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for c := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			lo, hi := c*perChunk, min((c+1)*perChunk, len(r.Diagnostics))
			var out []byte
			for i := lo; i < hi; i++ {
				sep := ",\n  "
				if i == 0 {
					sep = "\n  "
				}
				jd := r.jsonDiagnostic(&r.Diagnostics[i])
				out = appendDiagnostic(append(out, sep...), &jd)
			}
			chunks[c] = out
		}()
	}
	wg.Wait()
	return chunks
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

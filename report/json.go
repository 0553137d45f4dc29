package report

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"runtime"
	"unicode/utf8"

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
	Path string `json:"path"`
	// PathBytes is the path's bytes in standard base64, only for a path
	// that is not UTF-8: JSON strings hold UTF-8, and such a path is
	// written in "path" with U+FFFD for each byte that is not.
	PathBytes string   `json:"path_bytes,omitempty"`
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
	errs := jsonErrors(r.Failed)
	if err := put(`{"tool": `, r.Tool); err != nil {
		return err
	}
	if err := put(",\n \"files\": ", r.Files); err != nil {
		return err
	}
	bw.WriteString(",\n \"diagnostics\": [")
	r.writeDiagnostics(bw)
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

// writeDiagnostics writes the diagnostics, one line each. On a large
// archive the report was the longest stretch of the run that used one
// core, so chunks are encoded side by side and written in order; a chunk's
// buffer is reused once written, which keeps memory to a few chunks.
func (r *Report) writeDiagnostics(w *bufio.Writer) {
	const perChunk = 1024
	n := (len(r.Diagnostics) + perChunk - 1) / perChunk
	if n <= 1 {
		w.Write(r.encodeChunk(nil, 0, len(r.Diagnostics)))
		return
	}
	workers := runtime.GOMAXPROCS(0)
	done := make([]chan []byte, n)
	for c := range done {
		done[c] = make(chan []byte, 1)
	}
	free := make(chan []byte, workers)
	for range workers {
		free <- nil
	}
	go func() {
		for c := range n {
			buf := <-free // at most one chunk a worker is encoded or waiting
			go func() {
				done[c] <- r.encodeChunk(buf[:0], c*perChunk, min((c+1)*perChunk, len(r.Diagnostics)))
			}()
		}
	}()
	for c := range n {
		buf := <-done[c]
		w.Write(buf)
		free <- buf
	}
}

func (r *Report) encodeChunk(out []byte, lo, hi int) []byte {
	for i := lo; i < hi; i++ {
		sep := ",\n  "
		if i == 0 {
			sep = "\n  "
		}
		jd := r.jsonDiagnostic(&r.Diagnostics[i])
		out = appendDiagnostic(append(out, sep...), &jd)
	}
	return out
}

func (r *Report) jsonDiagnostic(d *lint.Diagnostic) jsonDiagnostic {
	p := r.Position(d)
	jd := jsonDiagnostic{
		Path: d.Path, PathBytes: pathBytes(d.Path), Line: p.Line, Column: p.Column, EndLine: p.EndLine, EndColumn: p.EndColumn,
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

// pathBytes is a path's raw bytes for the JSON formats, "" when the path
// is UTF-8 and "path" holds it exactly.
func pathBytes(path string) string {
	if utf8.ValidString(path) {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(path))
}

// jsonErrors is the errors list with path_bytes where a path needs it.
func jsonErrors(failed []FileError) []FileError {
	out := make([]FileError, len(failed))
	for i, f := range failed {
		f.PathBytes = pathBytes(f.Path)
		out[i] = f
	}
	return out
}

// JSONLines writes one JSON object a line for streaming: each diagnostic
// with exactly the fields of the JSON contract's diagnostic objects, then
// each file that could not be read as {"path", "error"}. A diagnostic always
// has "rule"; a failed file never does.
type JSONLines struct{}

type jsonLinesError struct {
	Path      string `json:"path"`
	PathBytes string `json:"path_bytes,omitempty"`
	Error     string `json:"error"`
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
		if err := enc.Encode(jsonLinesError{Path: f.Path, PathBytes: pathBytes(f.Path), Error: f.Message}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

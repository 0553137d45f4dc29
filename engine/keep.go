package engine

import (
	"slices"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// Keep says how much of each file a Result keeps once the file's findings
// are final. The texts are most of what a run holds: a command that only
// prints findings keeps their positions, and the lines they are on if it
// shows them, and lets the rest go.
type Keep uint8

// What a Result may keep of each file.
const (
	// KeepText keeps FileResult.Summary with its text: for fixing, for a
	// baseline, for commands that read the text again.
	KeepText Keep = iota
	// KeepLines keeps an Excerpt with the findings' positions and the
	// lines they are on, for formats that show them (text, SARIF).
	KeepLines
	// KeepPositions keeps an Excerpt with the findings' positions only,
	// for formats that print none of the text (JSON, CI annotations).
	KeepPositions
)

// NewExcerpt keeps of a file's summary what printing its diagnostics needs:
// their positions and those of their fixes' edits, and with lines the
// lines the diagnostics are on. ok is false when the file is too long for
// an excerpt; then keep the summary.
func NewExcerpt(sum *document.Summary, ds []lint.Diagnostic, lines bool) (x *document.Excerpt, ok bool) {
	at := make([]int, 0, 2*len(ds))
	var spans []document.Span
	for i := range ds {
		d := &ds[i]
		at = append(at, d.Start, d.End)
		if d.Fix != nil {
			for _, e := range d.Fix.Edits {
				at = append(at, e.Start, e.End)
			}
		}
		if lines {
			spans = append(spans, document.Span{Start: d.Start, End: d.End})
		}
	}
	return sum.Excerpt(at, spans)
}

// release lets f's text go as e.Keep allows, once f's findings are final.
func (e *Engine) release(f *FileResult) {
	if e.Keep == KeepText || f.Summary == nil {
		return
	}
	if x, ok := NewExcerpt(f.Summary, f.Diagnostics, e.Keep == KeepLines); ok {
		f.Excerpt, f.Summary = x, nil
	}
	// The findings stay to the end too: without the room append left
	// (a quarter of the slice on average).
	if cap(f.Diagnostics) > len(f.Diagnostics) {
		f.Diagnostics = slices.Clone(f.Diagnostics)
	}
}

// corpusRuns reports whether any corpus rule is on for some file: if none
// is, a file's findings are final when its worker is done with it.
func (e *Engine) corpusRuns() bool {
	for _, r := range e.Registry.Rules() {
		if r.Corpus != nil && !e.Config.OffEverywhere(r.ID) {
			return true
		}
	}
	return false
}

package report

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// RDJSONL writes reviewdog's rdjsonl: one Diagnostic object a line, paths
// as given (reviewdog makes them relative to the repository itself).
//
// Lines and columns are 1-based with an exclusive end; columns count UTF-8
// bytes of the line as stored, as reviewdog expects. Each edit of a fix is
// a suggestion, whatever its applicability: a suggestion is only proposed
// to a reviewer. A file that could not be read is an ERROR without a range.
type RDJSONL struct{}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

type rdRange struct {
	Start rdPosition `json:"start"`
	End   rdPosition `json:"end"`
}

type rdLocation struct {
	Path  string   `json:"path"`
	Range *rdRange `json:"range,omitempty"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rdCode struct {
	Value string `json:"value"`
	URL   string `json:"url"`
}

type rdSuggestion struct {
	Range rdRange `json:"range"`
	Text  string  `json:"text"`
}

type rdDiagnostic struct {
	Message     string         `json:"message"`
	Location    rdLocation     `json:"location"`
	Severity    string         `json:"severity"`
	Source      rdSource       `json:"source"`
	Code        *rdCode        `json:"code,omitempty"`
	Suggestions []rdSuggestion `json:"suggestions,omitempty"`
}

func rdSeverity(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "ERROR"
	case lint.SeverityWarning:
		return "WARNING"
	}
	return "INFO"
}

func byteRange(s *document.Excerpt, start, end int) rdRange {
	l, c := bytePosition(s, start)
	el, ec := bytePosition(s, end)
	return rdRange{rdPosition{l, c}, rdPosition{el, ec}}
}

// Format implements Formatter.
func (RDJSONL) Format(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	source := rdSource{Name: toolName(r), URL: HomeURL}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		s := r.Source(d.Path)
		rng := byteRange(s, d.Start, d.End)
		rd := rdDiagnostic{
			Message:  d.Message,
			Location: rdLocation{Path: d.Path, Range: &rng},
			Severity: rdSeverity(d.Severity),
			Source:   source,
			Code:     &rdCode{Value: d.Rule, URL: RuleURL(d.Rule)},
		}
		if d.Fix != nil && s != nil {
			for _, e := range d.Fix.Edits {
				rd.Suggestions = append(rd.Suggestions, rdSuggestion{Range: byteRange(s, e.Start, e.End), Text: e.NewText})
			}
		}
		if err := enc.Encode(rd); err != nil {
			return err
		}
	}
	for _, f := range r.Failed {
		if err := enc.Encode(rdDiagnostic{Message: f.Message, Location: rdLocation{Path: f.Path}, Severity: "ERROR", Source: source}); err != nil {
			return err
		}
	}
	return bw.Flush()
}

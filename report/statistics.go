package report

import (
	"encoding/json"
	"io"
)

// JSONStatistics is `--statistics --format json`: the per-rule counts of
// the text statistics as JSON, beside the file count, the files that
// failed and the summary of the full JSON report.
type JSONStatistics struct{}

type jsonRuleCount struct {
	Rule  string `json:"rule"`
	Count int    `json:"count"`
	// Fixable is "safe", "unsafe", "mixed" (some findings of each) or "".
	Fixable string `json:"fixable"`
}

// Format implements Formatter.
func (JSONStatistics) Format(w io.Writer, r *Report) error {
	stats := r.Statistics()
	rows := make([]jsonRuleCount, len(stats))
	for i, s := range stats {
		rows[i] = jsonRuleCount(s)
	}
	errs := r.Failed
	if errs == nil {
		errs = []FileError{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(struct {
		Tool       Tool            `json:"tool"`
		Files      int             `json:"files"`
		Statistics []jsonRuleCount `json:"statistics"`
		Errors     []FileError     `json:"errors"`
		Summary    Counts          `json:"summary"`
	}{r.Tool, r.Files, rows, errs, r.Counts()})
}

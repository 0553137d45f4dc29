package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/copydesk/copydesk/lint"
)

// GitHub writes GitHub Actions workflow commands, one annotation per
// diagnostic.
//
// GitHub shows at most 10 annotations of each kind per step and 50 per job,
// so errors come first (files that could not be read, then error findings),
// then warnings, then notices, each kind in report order. Paths are
// relative to Report.Root (as given when it is empty), never absolute.
// Columns count code points, end exclusive; they are left out when a range
// spans lines, where GitHub ignores them. The output ends with a plain
// summary line rather than a ::notice, so that it never takes the place of
// a finding's annotation.
type GitHub struct{}

// githubLimit is how many annotations of one kind GitHub shows per step.
const githubLimit = 10

// escapeData escapes a workflow command's message.
var escapeData = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// escapeProperty escapes a workflow command's property value.
var escapeProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func githubCommand(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// Format implements Formatter.
func (GitHub) Format(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	kinds := map[string]int{}
	for _, f := range r.Failed {
		kinds["error"]++
		file, ok := r.workspacePath(f.Path)
		msg := f.Message
		props := "title=copydesk"
		if ok {
			props = "file=" + escapeProperty.Replace(Printable(file)) + "," + props
		} else {
			msg = Printable(f.Path) + ": " + msg
		}
		fmt.Fprintf(bw, "::error %s::%s\n", props, escapeData.Replace(printableMessage(msg)))
	}
	for _, cmd := range []string{"error", "warning", "notice"} {
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			if githubCommand(d.Severity) == cmd {
				kinds[cmd]++
				githubAnnotation(bw, r, d, cmd)
			}
		}
	}
	c := r.Counts()
	summary := "copydesk: " + summaryLine(r, c)
	for _, k := range []string{"error", "warning", "notice"} {
		if kinds[k] > githubLimit {
			summary += fmt.Sprintf(" GitHub shows at most %d annotations of each kind per step; every one is in this log.", githubLimit)
			break
		}
	}
	fmt.Fprintln(bw, summary)
	return bw.Flush()
}

func githubAnnotation(w io.Writer, r *Report, d *lint.Diagnostic, cmd string) {
	p := r.Position(d)
	// An exclusive end at the start of a line ends on the line before.
	endLine := p.EndLine
	if endLine > p.Line && p.EndColumn == 1 {
		endLine--
	}
	msg := d.Message
	if d.Fix != nil {
		kind := "fix"
		if d.Fix.Applicability == lint.Unsafe {
			kind = "unsafe fix"
		}
		msg += "\n" + kind + ": " + d.Fix.Message
	}
	var props []string
	if file, ok := r.workspacePath(d.Path); ok {
		props = append(props, "file="+escapeProperty.Replace(Printable(file)))
		props = append(props, fmt.Sprintf("line=%d", p.Line), fmt.Sprintf("endLine=%d", endLine))
		if endLine == p.Line {
			props = append(props, fmt.Sprintf("col=%d", p.Column), fmt.Sprintf("endColumn=%d", max(p.EndColumn, p.Column)))
		}
	} else {
		msg = fmt.Sprintf("%s:%d:%d: %s", Printable(d.Path), p.Line, p.Column, msg)
	}
	props = append(props, "title="+escapeProperty.Replace(d.Rule))
	fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData.Replace(printableMessage(msg)))
}

// summaryLine says what a report found in one sentence, for formats that
// end with a line for people.
func summaryLine(r *Report, c Counts) string {
	var s string
	if c.Problems == 0 {
		s = fmt.Sprintf("no problems found in %s.", plural(max(0, r.Files-c.FilesFailed), "file", "files"))
	} else {
		var parts []string
		if c.Errors > 0 {
			parts = append(parts, plural(c.Errors, "error", "errors"))
		}
		if c.Warnings > 0 {
			parts = append(parts, plural(c.Warnings, "warning", "warnings"))
		}
		if c.Info > 0 {
			parts = append(parts, plural(c.Info, "info", "info"))
		}
		s = fmt.Sprintf("%s (%s) in %d of %s.", plural(c.Problems, "problem", "problems"), strings.Join(parts, ", "),
			c.FilesWithProblems, plural(r.Files, "file", "files"))
	}
	if c.FilesFailed > 0 {
		s += fmt.Sprintf(" %s could not be linted.", plural(c.FilesFailed, "file", "files"))
	}
	return s
}

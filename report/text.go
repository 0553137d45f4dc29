package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"golang.org/x/text/width"
)

// Text writes diagnostics the way the best code linters do: location,
// severity, rule and message, the source line with a caret under the range,
// the fix on offer, and a closing summary.
type Text struct {
	Color      bool
	Statistics bool // print counts per rule instead of each diagnostic
	// OmitFailures leaves out the files that could not be read: the
	// command prints them on standard error.
	OmitFailures bool
	// FixCommand is how the summary tells users to apply fixes.
	FixCommand string
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
	ansiGreen  = "\x1b[32m"
)

func (t Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

// Format implements Formatter.
func (t Text) Format(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	if t.Statistics {
		t.statistics(bw, r)
	} else {
		for i := range r.Diagnostics {
			t.diagnostic(bw, r, &r.Diagnostics[i])
		}
	}
	t.summary(bw, r)
	return bw.Flush()
}

func (t Text) severity(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return t.paint(ansiBold+ansiRed, "error")
	case lint.SeverityWarning:
		return t.paint(ansiBold+ansiYellow, "warning")
	}
	return t.paint(ansiBold+ansiBlue, "info")
}

func (t Text) diagnostic(w *bufio.Writer, r *Report, d *lint.Diagnostic) {
	p := r.Position(d)
	fmt.Fprintf(w, "%s: %s %s %s\n", t.paint(ansiBold, fmt.Sprintf("%s:%d:%d", Printable(d.Path), p.Line, p.Column)),
		t.severity(d.Severity), t.paint(ansiDim, "["+d.Rule+"]"), printableMessage(d.Message))
	s := r.Source(d.Path)
	// No line when the file could not be read, or when the engine kept
	// positions only (Keeps).
	if line, ok := s.LineSpan(p.Line); ok {
		if p.Line == 1 {
			line.Start += s.BOM()
		}
		end := d.End
		if end > line.End || p.EndLine != p.Line {
			end = line.End
		}
		start := max(d.Start, line.Start)
		// Only the bytes around the finding are laid out: a line of 50 MB
		// was laid out whole for each finding on it.
		src := s.Text(line)
		lo, hi := cutAround(src, start-line.Start, end-line.Start)
		text, caretFrom, caretTo := window(src[lo:hi], start-line.Start-lo, end-line.Start-lo, lo > 0, hi < len(src))
		gutter := fmt.Sprintf("%5d | ", p.Line)
		fmt.Fprintf(w, "%s%s\n", t.paint(ansiDim, gutter), text)
		marks := strings.Repeat("^", max(1, caretTo-caretFrom))
		fmt.Fprintf(w, "%s%s%s\n", t.paint(ansiDim, strings.Repeat(" ", len(gutter)-2)+"| "), strings.Repeat(" ", caretFrom), t.paint(ansiBold+ansiRed, marks))
	}
	if d.Fix != nil {
		kind := "fix"
		if d.Fix.Applicability == lint.Unsafe {
			kind = "unsafe fix"
		}
		fmt.Fprintf(w, "%s %s\n", t.paint(ansiDim, "      = "+kind+":"), t.paint(ansiGreen, printableMessage(d.Fix.Message)))
	}
}

// window renders a line for a terminal: tabs and invisible characters made
// visible in one cell, wide characters counted as two, and lines longer
// than maxWidth cut around the range with an ellipsis. It returns the text
// and the caret's display columns.
const maxWidth = 100

func window(line []byte, from, to int, cutLeft, cutRight bool) (string, int, int) {
	// Display columns of the range. The line is read twice rather than
	// kept as an array of cells: a report of many findings made one for
	// each, fifty times the bytes shown.
	col, caretFrom, caretTo := 0, -1, -1
	for i := 0; i < len(line); {
		n, w, _ := cellAt(line, i)
		if i >= from && caretFrom < 0 {
			caretFrom = col
		}
		if i >= to && caretTo < 0 {
			caretTo = col
		}
		col += w
		i += n
	}
	total := col
	if caretFrom < 0 {
		caretFrom = total
	}
	if caretTo < 0 {
		caretTo = total
	}
	lo, hi := 0, total
	if total > maxWidth {
		lo = max(0, caretFrom-maxWidth/3)
		hi = min(total, lo+maxWidth)
		if hi-lo < maxWidth {
			lo = max(0, hi-maxWidth)
		}
	}
	var b strings.Builder
	shift := 0
	if lo > 0 || cutLeft {
		b.WriteString("…")
		shift = 1
	}
	col = 0
	for i := 0; i < len(line); {
		n, w, show := cellAt(line, i)
		if col >= lo && col+w <= hi {
			if show != "" {
				b.WriteString(show)
			} else {
				b.Write(line[i : i+n])
			}
		}
		col += w
		i += n
	}
	if hi < total || cutRight {
		b.WriteString("…")
	}
	caretFrom = caretFrom - lo + shift
	caretTo = min(caretTo, hi) - lo + shift
	return b.String(), caretFrom, max(caretTo, caretFrom+1)
}

// cellAt reads the character at line[i:] and returns its length in bytes,
// the cells it takes, and what stands for it: a space for a tab or an odd
// space, a dot for an invisible character or a byte that is not UTF-8,
// and "" for the character itself.
func cellAt(line []byte, i int) (n, w int, show string) {
	r, n := utf8.DecodeRune(line[i:])
	switch {
	case r == '\t' || document.IsOddSpace(r):
		return n, 1, " "
	case r == utf8.RuneError && n == 1, document.IsInvisible(r):
		return n, 1, "·"
	}
	if k := width.LookupRune(r).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
		return n, 2, ""
	}
	return n, 1, ""
}

// cutAround returns the part of a line that window can show around the
// range [start, end) of it: maxWidth characters on either side of start are more
// than it shows, and a character takes at most four bytes. The cut falls
// on character boundaries.
func cutAround(line []byte, start, end int) (lo, hi int) {
	const reach = 4 * maxWidth
	lo = max(0, start-reach)
	for lo > 0 && !utf8.RuneStart(line[lo]) {
		lo--
	}
	hi = min(len(line), max(start, min(end, start+reach))+reach)
	for hi < len(line) && !utf8.RuneStart(line[hi]) {
		hi++
	}
	return lo, hi
}

func (t Text) statistics(w *bufio.Writer, r *Report) {
	for _, rc := range r.Statistics() {
		mark := ""
		switch rc.Fixable {
		case "safe":
			mark = "[*]"
		case "unsafe":
			mark = "[-]"
		case "mixed":
			mark = "[*-]"
		}
		fmt.Fprintln(w, strings.TrimRight(fmt.Sprintf("%6d  %-32s %s", rc.Count, rc.Rule, mark), " "))
	}
	if len(r.Diagnostics) > 0 {
		fmt.Fprintln(w, t.paint(ansiDim, "[*] fixable with `copydesk fix`, [-] with `copydesk fix --unsafe`"))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (t Text) summary(w *bufio.Writer, r *Report) {
	c := r.Counts()
	if !t.OmitFailures {
		for _, f := range r.Failed {
			fmt.Fprintf(w, "%s: %s %s\n", t.paint(ansiBold, Printable(f.Path)), t.paint(ansiBold+ansiRed, "error:"), printableMessage(f.Message))
		}
	}
	if c.Problems == 0 {
		if r.Files == c.FilesFailed && c.FilesFailed > 0 {
			return // no file was linted: "no problems in 0 files" would read as a pass
		}
		fmt.Fprintf(w, "%s in %s.\n", t.paint(ansiGreen, "No problems found"), plural(r.Files-c.FilesFailed, "file", "files"))
		return
	}
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
	fmt.Fprintf(w, "\nFound %s (%s) in %d of %s.\n", plural(c.Problems, "problem", "problems"), strings.Join(parts, ", "),
		c.FilesWithProblems, plural(r.Files, "file", "files"))
	fixCmd := t.FixCommand
	if fixCmd == "" {
		fixCmd = "copydesk fix"
	}
	switch {
	case c.Fixable > 0 && c.UnsafeFixable > 0:
		fmt.Fprintf(w, "%s fixable with `%s`; %d more with `%s --unsafe`.\n", plural(c.Fixable, "problem is", "problems are"), fixCmd, c.UnsafeFixable, fixCmd)
	case c.Fixable > 0:
		fmt.Fprintf(w, "%s fixable with `%s`.\n", plural(c.Fixable, "problem is", "problems are"), fixCmd)
	case c.UnsafeFixable > 0:
		fmt.Fprintf(w, "%s fixable with `%s --unsafe`.\n", plural(c.UnsafeFixable, "problem is", "problems are"), fixCmd)
	}
}

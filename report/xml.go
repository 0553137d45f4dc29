package report

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/copydesk/copydesk/lint"
)

// Checkstyle writes Checkstyle XML (version 4.3), which Jenkins, GitLab
// plugins and reviewdog read: one <file> per file linted (paths as given),
// clean ones included, and one <error> per diagnostic with its code-point
// column and the source "copydesk.RULE". A file that could not be read gets
// one error at line 0, column 0 (the file as a whole, as ESLint writes it).
type Checkstyle struct{}

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Format implements Formatter.
func (Checkstyle) Format(w io.Writer, r *Report) error {
	out := checkstyleReport{Version: "4.3"}
	byPath := map[string]int{}
	for _, p := range r.allPaths() {
		byPath[p] = len(out.Files)
		out.Files = append(out.Files, checkstyleFile{Name: p})
	}
	for _, f := range r.Failed {
		cf := &out.Files[byPath[f.Path]]
		cf.Errors = append(cf.Errors, checkstyleError{Severity: "error", Message: f.Message, Source: toolName(r)})
	}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		p := r.Position(d)
		cf := &out.Files[byPath[d.Path]]
		cf.Errors = append(cf.Errors, checkstyleError{Line: p.Line, Column: p.Column, Severity: d.Severity.String(), Message: d.Message, Source: "copydesk." + d.Rule})
	}
	return writeXML(w, out)
}

// JUnit writes JUnit XML for CI test-report views (GitLab, Jenkins, Azure):
// one <testsuite> per file (paths as given), one failing <testcase> per
// diagnostic (type is the rule, the body the location, the source line and
// the fix), a passing testcase for a clean file, and an <error> for a file
// that could not be read.
type JUnit struct{}

type junitReport struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure"`
	Error     *junitProblem `xml:"error"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"` // readable line breaks; see xmlText
}

// Format implements Formatter.
func (JUnit) Format(w io.Writer, r *Report) error {
	name := toolName(r)
	out := junitReport{Name: name}
	byPath := map[string]int{}
	for _, p := range r.allPaths() {
		byPath[p] = len(out.Suites)
		out.Suites = append(out.Suites, junitSuite{Name: p})
	}
	for _, f := range r.Failed {
		s := &out.Suites[byPath[f.Path]]
		s.Errors++
		s.Cases = append(s.Cases, junitCase{Name: name, Classname: f.Path, File: f.Path,
			Error: &junitProblem{Message: f.Message, Type: "unreadable", Body: xmlText(f.Path + ": " + f.Message)}})
	}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		p := r.Position(d)
		s := &out.Suites[byPath[d.Path]]
		s.Failures++
		s.Cases = append(s.Cases, junitCase{
			Name: fmt.Sprintf("%d:%d %s", p.Line, p.Column, d.Rule), Classname: d.Path, File: d.Path, Line: p.Line,
			Failure: &junitProblem{Message: d.Message, Type: d.Rule, Body: xmlText(textBlock(r, d))},
		})
	}
	for i := range out.Suites {
		s := &out.Suites[i]
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, junitCase{Name: name, Classname: s.Name, File: s.Name})
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
		out.Errors += s.Errors
	}
	return writeXML(w, out)
}

// textBlock renders one diagnostic as the text format does, without colour:
// the location line, the source line with a caret and the fix.
func textBlock(r *Report, d *lint.Diagnostic) string {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	Text{}.diagnostic(bw, r, d)
	bw.Flush()
	return buf.String()
}

// xmlText makes text safe for a CDATA section, which encoding/xml writes
// as is (it only splits "]]>"): bytes that are not UTF-8 and characters XML
// 1.0 forbids become U+FFFD, as encoding/xml does for escaped text.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF {
			return r
		}
		return utf8.RuneError
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

func writeXML(w io.Writer, v any) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	fmt.Fprintln(bw)
	return bw.Flush()
}

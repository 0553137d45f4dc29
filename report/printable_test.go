package report_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/report"
)

func TestPrintable(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"news/ferry.txt", "news/ferry.txt"},
		{`C:\news\ferry.txt`, `C:\news\ferry.txt`},
		{"news/\x1b[2Jferry.txt", `news/\x1b[2Jferry.txt`},
		{"a\nb\tc\rd", `a\nb\tc\rd`},
		{"caf\xe9.txt", `caf\xe9.txt`},
		{"渡轮.txt", "渡轮.txt"},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"c1\u009bx", `c1\u009bx`},
		{"del\x7f", `del\x7f`},
	} {
		if got := report.Printable(tc.in); got != tc.want {
			t.Errorf("Printable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// hostileReport has a finding and a failure in files whose names carry an
// escape sequence, a line break and a byte that is not UTF-8.
func hostileReport(t *testing.T) (*report.Report, string, string) {
	t.Helper()
	name := "news/\x1b]0;owned\x07\x1b[31mred\nx.txt"
	latin := "news/caf\xe9.txt"
	doc, err := parse.Parse(name, []byte("The the ferry.\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := lint.Diagnostic{Path: name, Rule: "repeated-word", Severity: lint.SeverityWarning, Start: 0, End: 7,
		Message: "doubled word \"the\x1b[8m\"; remove the second one"}
	d2 := d
	d2.Path = latin
	res := &engine.Result{Files: []*engine.FileResult{{Path: name, Summary: doc.Summary, Diagnostics: []lint.Diagnostic{d}}, {Path: latin, Summary: doc.Summary, Diagnostics: []lint.Diagnostic{d2}}}}
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, res)
	rep.Failed = append(rep.Failed, report.FileError{Path: latin + "\x1b[0m", Message: "open " + latin + ": permission denied"})
	return rep, name, latin
}

// TestNoTerminalInjection: no format people read passes an escape
// sequence or a line break from a file name or message through.
func TestNoTerminalInjection(t *testing.T) {
	for _, f := range []struct {
		name string
		fmt  report.Formatter
	}{{"text", report.Text{}}, {"text color", report.Text{Color: true}}, {"github", report.GitHub{}}, {"checkstyle", report.Checkstyle{}}, {"junit", report.JUnit{}}} {
		t.Run(f.name, func(t *testing.T) {
			rep, _, _ := hostileReport(t)
			var out bytes.Buffer
			if err := f.fmt.Format(&out, rep); err != nil {
				t.Fatal(err)
			}
			s := out.String()
			if f.name == "text color" {
				// The formatter's own colours are the only escapes.
				for _, c := range []string{"\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[32m"} {
					s = strings.ReplaceAll(s, c, "")
				}
			}
			if i := strings.IndexAny(s, "\x1b\x07"); i >= 0 {
				t.Errorf("raw control character at %d:\n%q", i, s)
			}
			if strings.Contains(s, "red\nx.txt") || strings.Contains(s, "caf\xe9") {
				t.Errorf("file name printed raw:\n%q", s)
			}
			if (f.name == "text" || f.name == "github") && !strings.Contains(s, `\x1b]0;owned\x07\x1b[31mred\nx.txt`) {
				t.Errorf("escaped name missing:\n%s", s)
			}
		})
	}
}

// TestJSONPathBytes: a path that is not UTF-8 round-trips through
// path_bytes, in diagnostics and errors, in JSON and JSON Lines; UTF-8
// paths have no path_bytes.
func TestJSONPathBytes(t *testing.T) {
	rep, name, latin := hostileReport(t)
	var out bytes.Buffer
	if err := (report.JSON{}).Format(&out, rep); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Diagnostics []map[string]any `json:"diagnostics"`
		Errors      []map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	raw := func(m map[string]any) string {
		if b, ok := m["path_bytes"].(string); ok {
			d, err := base64.StdEncoding.DecodeString(b)
			if err != nil {
				t.Fatal(err)
			}
			return string(d)
		}
		return m["path"].(string)
	}
	var got []string
	for _, d := range doc.Diagnostics {
		got = append(got, raw(d))
	}
	for _, e := range doc.Errors {
		got = append(got, raw(e))
	}
	want := []string{name, latin, latin + "\x1b[0m"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paths %q, want %q", got, want)
	}
	if _, ok := doc.Diagnostics[0]["path_bytes"]; ok {
		t.Errorf("a UTF-8 path has path_bytes")
	}
	out.Reset()
	if err := (report.JSONLines{}).Format(&out, rep); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	var last map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &last); err != nil {
		t.Fatal(err)
	}
	if raw(last) != latin+"\x1b[0m" {
		t.Errorf("JSON Lines error path %q", raw(last))
	}
}

package report_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

func render(t *testing.T, f report.Formatter, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := f.Format(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func lines(b []byte) []string {
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestFormatsByName(t *testing.T) {
	want := []string{"text", "json", "json-lines", "sarif", "github", "rdjsonl", "checkstyle", "junit"}
	if got := report.Formats(); !slices.Equal(got, want) {
		t.Fatalf("Formats() = %q, want %q", got, want)
	}
	for _, name := range want {
		f, err := report.ByName(name, report.Options{})
		if err != nil || f == nil {
			t.Fatalf("ByName(%q) = %v, %v", name, f, err)
		}
		// Deterministic: the same report renders to the same bytes, and a
		// report built by hand without sources does not break a format.
		if a, b := render(t, f, sample(t)), render(t, f, sample(t)); !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings of the sample differ", name)
		}
		render(t, f, &report.Report{Diagnostics: []lint.Diagnostic{{Path: "x.txt", Rule: "nbsp", Severity: lint.SeverityWarning, Message: "m", Start: 3, End: 4}}})
	}
	f, _ := report.ByName("text", report.Options{Color: true, Statistics: true})
	if f != (report.Text{Color: true, Statistics: true}) {
		t.Errorf("ByName(text) ignored its options: %#v", f)
	}
	_, err := report.ByName("yaml", report.Options{})
	if err == nil {
		t.Fatal("ByName(yaml) did not fail")
	}
	for _, name := range want {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not list %s", err, name)
		}
	}
}

func TestCleanReportEveryFormat(t *testing.T) {
	eng := &engine.Engine{Registry: sampleRules(t), Config: config.Default(".")}
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint([]engine.Input{{Path: "a.txt", Src: []byte("Title\n\nClean text.\n")}}))
	want := map[string]string{
		"json-lines": "",
		"rdjsonl":    "",
		"github":     "copydesk: no problems found in 1 file.\n",
		"checkstyle": xml.Header + "<checkstyle version=\"4.3\">\n  <file name=\"a.txt\"></file>\n</checkstyle>\n",
		"junit": xml.Header + `<testsuites name="copydesk" tests="1" failures="0" errors="0">
  <testsuite name="a.txt" tests="1" failures="0" errors="0">
    <testcase name="copydesk" classname="a.txt" file="a.txt"></testcase>
  </testsuite>
</testsuites>
`,
	}
	for name, w := range want {
		f, _ := report.ByName(name, report.Options{})
		if got := string(render(t, f, rep)); got != w {
			t.Errorf("%s of a clean report:\n%s\nwant:\n%s", name, got, w)
		}
	}
	out := render(t, report.SARIF{}, rep)
	if !bytes.Contains(out, []byte(`"results": []`)) {
		t.Errorf("SARIF of a clean report has no empty results list:\n%s", out)
	}
}

// --- SARIF

type sarifRegion struct{ StartLine, StartColumn, EndLine, EndColumn int }

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation sarifArtifact
		Region           *sarifRegion
	}
}

type sarifText struct{ Text, Markdown string }

type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID, Name                                string
					ShortDescription, FullDescription, Help sarifText
					HelpURI                                 string
					DefaultConfiguration                    struct{ Level string }
				}
			}
		}
		Invocations []struct {
			ExecutionSuccessful        bool
			ToolExecutionNotifications []struct {
				Level     string
				Message   sarifText
				Locations []sarifLocation
			}
		}
		ColumnKind string
		Results    []struct {
			RuleID              string
			RuleIndex           int
			Level               string
			Message             sarifText
			Locations           []sarifLocation
			PartialFingerprints map[string]string
			Fixes               []struct {
				Description     sarifText
				ArtifactChanges []struct {
					ArtifactLocation sarifArtifact
					Replacements     []struct {
						DeletedRegion   sarifRegion
						InsertedContent *sarifText
					}
				}
			}
		}
	}
}

func parseSARIF(t *testing.T, b []byte) sarifLog {
	t.Helper()
	var log sarifLog
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	return log
}

var levels = map[lint.Severity]string{lint.SeverityError: "error", lint.SeverityWarning: "warning", lint.SeverityInfo: "note"}

func TestSARIFGolden(t *testing.T) {
	rep := sample(t)
	out := render(t, report.SARIF{}, rep)
	golden(t, "sample.sarif.golden", out)
	log := parseSARIF(t, out)
	run := log.Runs[0]
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-schema-2.1.0.json") || run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("version %q, $schema %q, columnKind %q", log.Version, log.Schema, run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "copydesk" || d.Version != "test" || d.InformationURI != "https://github.com/copydesk/copydesk" {
		t.Errorf("driver %q %q %q", d.Name, d.Version, d.InformationURI)
	}

	// Every registered rule, in registry order, documented.
	if len(d.Rules) != len(rep.Rules) {
		t.Fatalf("%d rules in the driver, want every registered rule (%d)", len(d.Rules), len(rep.Rules))
	}
	for i, r := range rep.Rules {
		sr := d.Rules[i]
		if sr.ID != r.ID || sr.ShortDescription.Text != r.Doc.Title || sr.FullDescription.Text != r.Doc.Why ||
			sr.HelpURI != "https://github.com/copydesk/copydesk/blob/main/docs/rules.md#"+r.ID || sr.DefaultConfiguration.Level != levels[r.Severity] {
			t.Errorf("rule %d: %+v does not describe %s", i, sr, r.ID)
		}
		wrong, right := strings.TrimRight(r.Doc.Wrong, "\n"), strings.TrimRight(r.Doc.Right, "\n")
		if !strings.Contains(sr.Help.Text, "Wrong:\n    "+strings.Split(wrong, "\n")[0]) ||
			!strings.Contains(sr.Help.Markdown, "```text\n"+wrong+"\n```") ||
			(right != "" && !strings.Contains(sr.Help.Markdown, "```text\n"+right+"\n```")) {
			t.Errorf("rule %s: help lacks the examples:\n%s\n%s", r.ID, sr.Help.Text, sr.Help.Markdown)
		}
	}
	names := map[string]string{}
	for _, r := range d.Rules {
		names[r.ID] = r.Name
	}
	if names["repeated-word"] != "RepeatedWord" || names["unused-suppression"] != "UnusedSuppression" || names["nbsp"] != "Nbsp" {
		t.Errorf("rule names are not PascalCase: %v", names)
	}

	// One result per diagnostic, pointing at the right rule and range.
	if len(run.Results) != len(rep.Diagnostics) {
		t.Fatalf("%d results for %d diagnostics", len(run.Results), len(rep.Diagnostics))
	}
	fingerprints := map[string]bool{}
	for i, res := range run.Results {
		dg := &rep.Diagnostics[i]
		p := rep.Position(dg)
		loc := res.Locations[0].PhysicalLocation
		if res.RuleID != dg.Rule || d.Rules[res.RuleIndex].ID != dg.Rule || res.Level != levels[dg.Severity] || res.Message.Text != dg.Message {
			t.Errorf("result %d: %+v does not match %+v", i, res, dg)
		}
		if *loc.Region != (sarifRegion{p.Line, p.Column, p.EndLine, p.EndColumn}) {
			t.Errorf("result %d: region %+v, want %+v", i, *loc.Region, p)
		}
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.HasPrefix(loc.ArtifactLocation.URI, "/") || strings.Contains(loc.ArtifactLocation.URI, ":/") {
			t.Errorf("result %d: location %+v is not relative to the root", i, loc.ArtifactLocation)
		}
		fp := res.PartialFingerprints["copydesk/v1"]
		if fp == "" || fingerprints[fp] {
			t.Errorf("result %d: fingerprint %q missing or repeated", i, fp)
		}
		fingerprints[fp] = true
		if (dg.Fix != nil) != (len(res.Fixes) == 1) {
			t.Errorf("result %d: %d fixes for fix %v", i, len(res.Fixes), dg.Fix)
		}
	}

	// Spot checks: code-point columns after wide characters, a fix that
	// replaces, one that deletes, a percent-encoded URI, a multi-line range.
	byRule := map[string]int{}
	for i, dg := range rep.Diagnostics {
		if _, ok := byRule[dg.Rule+" "+dg.Path]; !ok {
			byRule[dg.Rule+" "+dg.Path] = i // the first
		}
	}
	nb := run.Results[byRule["nbsp news/ferry.txt"]]
	if r := *nb.Locations[0].PhysicalLocation.Region; r != (sarifRegion{11, 9, 11, 10}) {
		t.Errorf("nbsp after 中文标题: region %+v, want columns 9-10 in code points", r)
	}
	rep0 := nb.Fixes[0].ArtifactChanges[0].Replacements[0]
	if rep0.DeletedRegion != (sarifRegion{11, 9, 11, 10}) || rep0.InsertedContent == nil || rep0.InsertedContent.Text != " " || nb.Fixes[0].Description.Text != "Replace with an ordinary space" {
		t.Errorf("nbsp fix: %+v", nb.Fixes[0])
	}
	rw := run.Results[byRule["repeated-word news/ferry.txt"]]
	if rep0 := rw.Fixes[0].ArtifactChanges[0].Replacements[0]; rep0.DeletedRegion != (sarifRegion{3, 20, 3, 24}) || rep0.InsertedContent != nil {
		t.Errorf("repeated-word fix deletes %+v inserting %v, want 3:20-3:24 and nothing", rep0.DeletedRegion, rep0.InsertedContent)
	}
	hs := run.Results[byRule["house-style news/sale, 50%: draft.md"]]
	if u := hs.Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "news/sale,%2050%25:%20draft.md" {
		t.Errorf("URI of a name with a space and %%: %q", u)
	}
	if hs.Level != "note" || hs.Message.Text != "write \"per cent\": 100% is for tables, charts and headlines,\nnot running text" {
		t.Errorf("house-style result: %+v", hs)
	}
	bl := run.Results[byRule["blank-lines news/ferry.txt"]]
	if r := *bl.Locations[0].PhysicalLocation.Region; r.StartLine != 9 || r.EndLine != 11 {
		t.Errorf("blank-lines region %+v, want lines 9 to 11", r)
	}

	// Files that could not be read are tool notifications.
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != len(rep.Failed) {
		t.Fatalf("invocation %+v for %d failed files", inv, len(rep.Failed))
	}
	for i, n := range inv.ToolExecutionNotifications {
		if n.Level != "error" || n.Message.Text != rep.Failed[i].Message || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != rep.Failed[i].Path {
			t.Errorf("notification %d: %+v", i, n)
		}
	}
}

// repoRoot finds the module root above the test's folder.
func repoRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = parent
	}
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	path := filepath.Join(repoRoot(t), "..", "shared", "schemas", "sarif-schema-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("SARIF schema not available (%v); it is expected at ../shared/schemas/ beside the repository", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // URIs must be valid URIs
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Registry: sampleRules(t), Config: config.Default(".")}
	clean := report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint([]engine.Input{{Path: "a.txt", Src: []byte("Title\n\nClean text.\n")}}))
	outside := &report.Report{Root: repoRoot(t), Diagnostics: []lint.Diagnostic{{Path: "/elsewhere/a file.txt", Rule: "unknown-rule", Message: "m"}}}
	for name, rep := range map[string]*report.Report{"sample": sample(t), "clean": clean, "empty": {}, "outside": outside} {
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(render(t, report.SARIF{}, rep)))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(inst); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func sarifOf(t *testing.T, rep *report.Report) sarifLog {
	t.Helper()
	return parseSARIF(t, render(t, report.SARIF{}, rep))
}

func TestSARIFFingerprintsSurviveMovedLines(t *testing.T) {
	fingerprints := func(src string) (fps []string, lines []int) {
		eng := &engine.Engine{Registry: sampleRules(t), Config: config.Default(".")}
		rep := report.New(report.Tool{Name: "copydesk"}, eng.Lint([]engine.Input{{Path: "a.md", Src: []byte(src)}}))
		for _, res := range sarifOf(t, rep).Runs[0].Results {
			if res.RuleID == "repeated-word" {
				fps = append(fps, res.PartialFingerprints["copydesk/v1"])
				lines = append(lines, res.Locations[0].PhysicalLocation.Region.StartLine)
			}
		}
		return fps, lines
	}
	base, l1 := fingerprints("# Title\n\nThe the cat sat.\n")
	moved, l2 := fingerprints("# Title\n\nA new first paragraph.\n\nAnd another one.\n\nThe the cat sat.\n")
	if len(base) != 1 || len(moved) != 1 || l1[0] == l2[0] {
		t.Fatalf("want one finding on different lines: %v %v, %v %v", base, l1, moved, l2)
	}
	if base[0] != moved[0] {
		t.Errorf("fingerprint changed when the line moved: %s → %s", base[0], moved[0])
	}
	if other, _ := fingerprints("# Title\n\nThe the dog sat.\n"); other[0] == base[0] {
		t.Errorf("fingerprint did not change with the line's text")
	}
	if rewrapped, _ := fingerprints("# Title\n\n  The the   cat sat.\n"); rewrapped[0] != base[0] {
		t.Errorf("fingerprint changed with white space only")
	}
	// The same finding twice in a file: the same hash, numbered.
	twice, _ := fingerprints("# Title\n\nThe the cat sat.\n\nThe the cat sat.\n")
	if len(twice) != 2 || twice[0] != base[0] || !strings.HasSuffix(twice[1], ":2") || strings.TrimSuffix(twice[1], ":2") != strings.TrimSuffix(twice[0], ":1") {
		t.Errorf("repeated finding fingerprints %v (first alone: %s)", twice, base[0])
	}
}

func TestSARIFURIs(t *testing.T) {
	wd, _ := os.Getwd()
	cases := []struct {
		root, path, uri, base string
	}{
		{wd, "news/ferry.txt", "news/ferry.txt", "%SRCROOT%"},
		{wd, "./news/../news/ferry.txt", "news/ferry.txt", "%SRCROOT%"},
		{filepath.Join(wd, "news"), "news/ferry.txt", "ferry.txt", "%SRCROOT%"},
		{wd, filepath.Join(wd, "news", "a b#1.md"), "news/a%20b%231.md", "%SRCROOT%"},
		{wd, "/elsewhere/x.txt", "file:///elsewhere/x.txt", ""},
		{"", "news/ferry.txt", "news/ferry.txt", "%SRCROOT%"},
		{"", "/abs/x.txt", "file:///abs/x.txt", ""},
		{"", "news/新闻.txt", "news/%E6%96%B0%E9%97%BB.txt", "%SRCROOT%"},
	}
	for _, c := range cases {
		rep := &report.Report{Root: c.root, Diagnostics: []lint.Diagnostic{{Path: c.path, Rule: "nbsp", Severity: lint.SeverityWarning, Message: "m"}}}
		got := sarifOf(t, rep).Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation
		if got.URI != c.uri || got.URIBaseID != c.base {
			t.Errorf("root %q, path %q: %+v, want %q under %q", c.root, c.path, got, c.uri, c.base)
		}
	}
}

// --- GitHub workflow commands

func TestGitHubEscaping(t *testing.T) {
	for _, c := range []struct{ in, data, prop string }{
		{"%", "%25", "%25"},
		{"\r", "%0D", "%0D"},
		{"\n", "%0A", "%0A"},
		{":", ":", "%3A"},
		{",", ",", "%2C"},
		{"%0A", "%250A", "%250A"}, // an escape sequence in the text stays text
		{"a: b, 100%\r\nc", "a: b, 100%25%0D%0Ac", "a%3A b%2C 100%25%0D%0Ac"},
		{"中文 “q” = ok", "中文 “q” = ok", "中文 “q” = ok"},
	} {
		if got := report.EscapeData(c.in); got != c.data {
			t.Errorf("EscapeData(%q) = %q, want %q", c.in, got, c.data)
		}
		if got := report.EscapeProperty(c.in); got != c.prop {
			t.Errorf("EscapeProperty(%q) = %q, want %q", c.in, got, c.prop)
		}
	}
}

func TestGitHubGolden(t *testing.T) {
	rep := sample(t)
	out := render(t, report.GitHub{}, rep)
	golden(t, "sample.github.golden", out)
	ls := lines(out)
	if len(ls) != len(rep.Diagnostics)+len(rep.Failed)+1 {
		t.Fatalf("%d lines for %d diagnostics and %d failed files, plus the summary:\n%s", len(ls), len(rep.Diagnostics), len(rep.Failed), out)
	}
	rank := map[string]int{"error": 0, "warning": 1, "notice": 2}
	last := 0
	for _, l := range ls[:len(ls)-1] {
		kind, rest, ok := strings.Cut(strings.TrimPrefix(l, "::"), " ")
		r, known := rank[kind]
		if !strings.HasPrefix(l, "::") || !ok || !known {
			t.Fatalf("not a workflow command: %q", l)
		}
		if r < last {
			t.Errorf("%s after a less severe annotation: %q", kind, l)
		}
		last = r
		props, _, _ := strings.Cut(rest, "::")
		if strings.Contains(props, "file=/") || strings.Contains(props, "file="+rep.Root) {
			t.Errorf("absolute path: %q", l)
		}
	}
	if !strings.HasPrefix(ls[len(ls)-1], "copydesk: 9 problems (1 error, 7 warnings, 1 info) in 4 of 6 files. 2 files could not be linted.") {
		t.Errorf("summary line %q", ls[len(ls)-1])
	}
	for _, want := range []string{
		"::error file=news/image.txt,title=copydesk::binary file, not an article",
		"::error file=news/missing.txt,title=copydesk::open news/missing.txt: no such file or directory",
		// Property and message escaping; columns in code points.
		`::notice file=news/sale%2C 50%25%3A draft.md,line=5,endLine=5,col=26,endColumn=27,title=house-style::write "per cent": 100%25 is for tables, charts and headlines,%0Anot running text%0Afix: Replace %25 with "per cent"`,
		"::warning file=news/ferry.txt,line=11,endLine=11,col=9,endColumn=10,title=nbsp::",
		// A range over lines has no columns; its exclusive end at a line
		// start ends on the line before.
		"::warning file=news/ferry.txt,line=9,endLine=10,title=blank-lines::",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	// Stable within a kind: warnings in report order.
	var warnings []string
	for _, l := range ls {
		if strings.HasPrefix(l, "::warning ") {
			warnings = append(warnings, l)
		}
	}
	var want []string
	for i := range rep.Diagnostics {
		if rep.Diagnostics[i].Severity == lint.SeverityWarning {
			want = append(want, "title="+rep.Diagnostics[i].Rule+"::")
		}
	}
	for i := range want {
		if !strings.Contains(warnings[i], want[i]) {
			t.Errorf("warning %d is %q, want rule %s", i, warnings[i], want[i])
		}
	}
}

func TestGitHubLimitsAndOutsidePaths(t *testing.T) {
	rep := &report.Report{Files: 1}
	for i := range 12 {
		rep.Diagnostics = append(rep.Diagnostics, lint.Diagnostic{Path: "a.txt", Rule: "nbsp", Severity: lint.SeverityInfo, Message: fmt.Sprint(i)})
	}
	rep.Diagnostics = append(rep.Diagnostics, lint.Diagnostic{Path: "/nowhere/b.txt", Rule: "nbsp", Severity: lint.SeverityError, Message: "outside"})
	out := render(t, report.GitHub{}, rep)
	ls := lines(out)
	if !strings.HasPrefix(ls[0], "::error title=nbsp::/nowhere/b.txt:1:1: outside") {
		t.Errorf("the error first, without an absolute file=: %q", ls[0])
	}
	if !strings.Contains(ls[len(ls)-1], "at most 10 annotations of each kind") {
		t.Errorf("summary does not warn about GitHub's limit: %q", ls[len(ls)-1])
	}
}

// --- reviewdog

type rdPos struct{ Line, Column int }
type rdRange struct{ Start, End rdPos }
type rdDiag struct {
	Message  string
	Location struct {
		Path  string
		Range *rdRange
	}
	Severity    string
	Source      struct{ Name, URL string }
	Code        *struct{ Value, URL string }
	Suggestions []struct {
		Range rdRange
		Text  string
	}
}

func TestRDJSONLGolden(t *testing.T) {
	rep := sample(t)
	out := render(t, report.RDJSONL{}, rep)
	golden(t, "sample.rdjsonl.golden", out)
	ls := lines(out)
	if len(ls) != len(rep.Diagnostics)+len(rep.Failed) {
		t.Fatalf("%d lines for %d diagnostics and %d failed files", len(ls), len(rep.Diagnostics), len(rep.Failed))
	}
	sev := map[lint.Severity]string{lint.SeverityError: "ERROR", lint.SeverityWarning: "WARNING", lint.SeverityInfo: "INFO"}
	// offset converts a 1-based line and byte column back to a byte offset.
	srcs := map[string][]byte{}
	for _, in := range sampleInputs() {
		srcs[in.Path] = in.Src
	}
	offset := func(path string, p rdPos) int {
		start := 0
		for range p.Line - 1 {
			start += bytes.IndexByte(srcs[path][start:], '\n') + 1
		}
		return start + p.Column - 1
	}
	for i, l := range ls {
		var rd rdDiag
		if err := json.Unmarshal([]byte(l), &rd); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		if rd.Source.Name != "copydesk" || rd.Source.URL != "https://github.com/copydesk/copydesk" {
			t.Errorf("line %d: source %+v", i+1, rd.Source)
		}
		if i >= len(rep.Diagnostics) {
			f := rep.Failed[i-len(rep.Diagnostics)]
			if rd.Location.Path != f.Path || rd.Message != f.Message || rd.Severity != "ERROR" || rd.Location.Range != nil || rd.Code != nil {
				t.Errorf("failed file line %d: %s", i+1, l)
			}
			continue
		}
		d := &rep.Diagnostics[i]
		if rd.Message != d.Message || rd.Location.Path != d.Path || rd.Severity != sev[d.Severity] ||
			rd.Code.Value != d.Rule || rd.Code.URL != report.RuleURL(d.Rule) {
			t.Errorf("line %d does not match %+v: %s", i+1, d, l)
		}
		if got := [2]int{offset(d.Path, rd.Location.Range.Start), offset(d.Path, rd.Location.Range.End)}; got != [2]int{d.Start, d.End} {
			t.Errorf("line %d: byte columns map back to %v, want %d-%d", i+1, got, d.Start, d.End)
		}
		var edits []lint.Edit
		if d.Fix != nil {
			edits = d.Fix.Edits
		}
		if len(rd.Suggestions) != len(edits) {
			t.Fatalf("line %d: %d suggestions for %d edits", i+1, len(rd.Suggestions), len(edits))
		}
		for j, sg := range rd.Suggestions {
			e := edits[j]
			if offset(d.Path, sg.Range.Start) != e.Start || offset(d.Path, sg.Range.End) != e.End || sg.Text != e.NewText {
				t.Errorf("line %d suggestion %d: %+v for edit %+v", i+1, j, sg, e)
			}
		}
		if d.Rule == "nbsp" && rd.Location.Range.Start != (rdPos{11, 17}) {
			t.Errorf("nbsp after 中文标题 (12 bytes, 4 code points): %+v, want byte column 17", rd.Location.Range.Start)
		}
	}
}

// --- Checkstyle

type checkstyle struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

func TestCheckstyleGolden(t *testing.T) {
	rep := sample(t)
	out := render(t, report.Checkstyle{}, rep)
	golden(t, "sample.checkstyle.golden", out)
	if !bytes.HasPrefix(out, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Error("no XML declaration")
	}
	var cs checkstyle
	if err := xml.Unmarshal(out, &cs); err != nil {
		t.Fatal(err)
	}
	var names []string
	n := 0
	for _, f := range cs.Files {
		names = append(names, f.Name)
		n += len(f.Errors)
	}
	wantNames := []string{"news/bad.txt", "news/clean.txt", "news/ferry.txt", "news/image.txt", "news/missing.txt", "news/post.md", "news/sale, 50%: draft.md"}
	if cs.Version != "4.3" || !slices.Equal(names, wantNames) || n != len(rep.Diagnostics)+len(rep.Failed) {
		t.Fatalf("version %q, files %q, %d errors", cs.Version, names, n)
	}
	i := 0
	for _, f := range cs.Files {
		for _, e := range f.Errors {
			if e.Source == "copydesk" { // a file that could not be read
				if e.Line != 0 || e.Severity != "error" {
					t.Errorf("failed file %s: %+v", f.Name, e)
				}
				continue
			}
			d := &rep.Diagnostics[i]
			i++
			p := rep.Position(d)
			if f.Name != d.Path || e.Line != p.Line || e.Column != p.Column || e.Severity != d.Severity.String() ||
				e.Message != d.Message || e.Source != "copydesk."+d.Rule {
				t.Errorf("%+v does not match %+v", e, d)
			}
		}
	}
	// The message's line break survives as a character reference.
	if !bytes.Contains(out, []byte(`headlines,&#xA;not running text`)) {
		t.Error("the line break in a message attribute is not escaped")
	}
}

// --- JUnit

type junit struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
			} `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitGolden(t *testing.T) {
	rep := sample(t)
	out := render(t, report.JUnit{}, rep)
	golden(t, "sample.junit.golden", out)
	var ju junit
	if err := xml.Unmarshal(out, &ju); err != nil {
		t.Fatal(err)
	}
	if ju.Failures != len(rep.Diagnostics) || ju.Errors != len(rep.Failed) || len(ju.Suites) != 7 {
		t.Fatalf("%d failures, %d errors, %d suites", ju.Failures, ju.Errors, len(ju.Suites))
	}
	tests, failures := 0, map[string]string{}
	for _, s := range ju.Suites {
		f, e := 0, 0
		for _, c := range s.Cases {
			if c.Classname != s.Name {
				t.Errorf("case %q of suite %q has class %q", c.Name, s.Name, c.Classname)
			}
			if c.Failure != nil {
				f++
				failures[c.Failure.Type+" "+s.Name] = c.Failure.Message + "\n---\n" + c.Failure.Body
			}
			if c.Error != nil {
				e++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e {
			t.Errorf("suite %s counts %d/%d/%d, has %d cases, %d failures, %d errors", s.Name, s.Tests, s.Failures, s.Errors, len(s.Cases), f, e)
		}
		tests += s.Tests
		switch s.Name {
		case "news/clean.txt":
			if len(s.Cases) != 1 || s.Cases[0].Failure != nil || s.Cases[0].Error != nil {
				t.Errorf("clean file is not one passing testcase: %+v", s.Cases)
			}
		case "news/image.txt":
			if s.Errors != 1 || s.Cases[0].Error.Message != "binary file, not an article" {
				t.Errorf("unreadable file: %+v", s.Cases)
			}
		}
	}
	if tests != ju.Tests {
		t.Errorf("tests=%d, suites add up to %d", ju.Tests, tests)
	}
	hs := failures["house-style news/sale, 50%: draft.md"]
	for _, want := range []string{
		"write \"per cent\": 100% is for tables, charts and headlines,\nnot running text\n---\n",
		"news/sale, 50%: draft.md:5:26: info [house-style]",
		"Café “Ærø” prices fell 30% in March.",
		"= fix: Replace % with \"per cent\"",
	} {
		if !strings.Contains(hs, want) {
			t.Errorf("house-style failure lacks %q:\n%s", want, hs)
		}
	}
}

// --- JSON lines

func TestJSONLinesGolden(t *testing.T) {
	rep := sample(t)
	out := render(t, report.JSONLines{}, rep)
	golden(t, "sample.jsonl.golden", out)
	var whole struct{ Diagnostics []map[string]any }
	if err := json.Unmarshal(render(t, report.JSON{}, rep), &whole); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	i := 0
	for ; sc.Scan(); i++ {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if i < len(whole.Diagnostics) {
			if !reflect.DeepEqual(m, whole.Diagnostics[i]) {
				t.Errorf("line %d differs from the JSON contract's diagnostic:\n%v\n%v", i+1, m, whole.Diagnostics[i])
			}
			continue
		}
		f := rep.Failed[i-len(whole.Diagnostics)]
		if !reflect.DeepEqual(m, map[string]any{"path": f.Path, "error": f.Message}) {
			t.Errorf("line %d: %v, want the failed file %+v", i+1, m, f)
		}
	}
	if i != len(rep.Diagnostics)+len(rep.Failed) {
		t.Errorf("%d lines", i)
	}
}

// TestXMLHostileText feeds both XML formats text that XML cannot carry as
// is: a CDATA end, NUL and escape characters, bytes that are not UTF-8.
func TestXMLHostileText(t *testing.T) {
	eng := &engine.Engine{Registry: sampleRules(t), Config: config.Default(".")}
	rep := report.New(report.Tool{Name: "copydesk"}, eng.Lint([]engine.Input{{Path: "a&b.md", Src: []byte("# T\n\nThe the ]]> \x01\x1b[31m end.\n")}}))
	// Keep the doubled word only: the control characters are there for the
	// XML writers, not for invisible-char.
	rep.Diagnostics = slices.DeleteFunc(rep.Diagnostics, func(d lint.Diagnostic) bool { return d.Rule != "repeated-word" })
	rep.Diagnostics = append(rep.Diagnostics, lint.Diagnostic{Path: "a&b.md", Rule: "nbsp", Severity: lint.SeverityWarning, Message: "x ]]> <y> & \x00\x1b \xff z", Start: 5, End: 8})
	if len(rep.Diagnostics) != 2 {
		t.Fatalf("want the doubled word and the planted finding, got %+v", rep.Diagnostics)
	}
	var cs checkstyle
	if err := xml.Unmarshal(render(t, report.Checkstyle{}, rep), &cs); err != nil {
		t.Fatalf("checkstyle: %v", err)
	}
	if got := cs.Files[0].Errors[1].Message; cs.Files[0].Name != "a&b.md" || got != "x ]]> <y> & \uFFFD\uFFFD \uFFFD z" {
		t.Errorf("checkstyle: %q %q", cs.Files[0].Name, got)
	}
	var ju junit
	if err := xml.Unmarshal(render(t, report.JUnit{}, rep), &ju); err != nil {
		t.Fatalf("junit: %v", err)
	}
	for _, c := range ju.Suites[0].Cases {
		if !strings.Contains(c.Failure.Body, "]]>") || !strings.Contains(c.Failure.Body, "a&b.md:") {
			t.Errorf("junit body lost text: %q", c.Failure.Body)
		}
	}
}

// TestColumnUnitsWithBOM pins each consumer's column unit on a line that
// starts with a byte order mark and holds multi-byte characters: SARIF and
// GitHub count code points after the mark, as editors show it; reviewdog
// counts the bytes of the line as stored, mark included.
func TestColumnUnitsWithBOM(t *testing.T) {
	eng := &engine.Engine{Registry: sampleRules(t), Config: config.Default(".")}
	rep := report.New(report.Tool{Name: "copydesk"}, eng.Lint([]engine.Input{{Path: "a.md", Src: []byte("\ufeffÆrø the the cat.\r\n")}}))
	if len(rep.Diagnostics) != 1 || rep.Diagnostics[0].Rule != "repeated-word" || rep.Diagnostics[0].Start != 9 {
		t.Fatalf("want one doubled word at byte 9, got %+v", rep.Diagnostics)
	}
	res := sarifOf(t, rep).Runs[0].Results[0]
	if r := *res.Locations[0].PhysicalLocation.Region; r != (sarifRegion{1, 5, 1, 12}) {
		t.Errorf("SARIF region %+v, want code points 5-12", r)
	}
	var rd rdDiag
	if err := json.Unmarshal(render(t, report.RDJSONL{}, rep), &rd); err != nil {
		t.Fatal(err)
	}
	if rd.Location.Range.Start != (rdPos{1, 10}) || rd.Location.Range.End != (rdPos{1, 17}) {
		t.Errorf("rdjsonl range %+v, want bytes 10-17", *rd.Location.Range)
	}
	if gh := string(render(t, report.GitHub{}, rep)); !strings.HasPrefix(gh, "::warning file=a.md,line=1,endLine=1,col=5,endColumn=12,") {
		t.Errorf("github: %q", gh)
	}
}

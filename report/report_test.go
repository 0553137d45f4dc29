package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/report"
	"github.com/copydesk/copydesk/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// houseStyle is a test-only rule whose message needs escaping in every
// format (%, :, a comma and a line break) and whose fix replaces text.
var houseStyle = &lint.Rule{
	ID:       "house-style",
	Category: lint.CategoryTypography,
	Severity: lint.SeverityInfo,
	Fixable:  lint.FixSafe,
	Doc: lint.Doc{
		Title: "A per-cent sign in running text",
		Why:   "House style spells out \"per cent\" in prose; `%` is for tables & charts <b>only</b>.",
		Wrong: "A 50% rise.",
		Right: "A 50 per cent rise.",
		Fix:   "Safe: replaces the sign with the words.",
	},
	Run: func(pass *lint.Pass) {
		src := pass.Doc.Src
		for i := 0; i+1 < len(src); i++ {
			if src[i] >= '0' && src[i] <= '9' && src[i+1] == '%' && !pass.Doc.InVerbatim(i) {
				pass.Report(lint.Diagnostic{
					Start: i + 1, End: i + 2, Severity: lint.SeverityInfo,
					Message: "write \"per cent\": 100% is for tables, charts and headlines,\nnot running text",
					Fix:     &lint.Fix{Message: "Replace % with \"per cent\"", Edits: []lint.Edit{{Start: i + 1, End: i + 2, NewText: " per cent"}}},
				})
			}
		}
	},
}

// sampleRules is the registry of the sample: every rule plus houseStyle.
// proseRules are the rules about the text itself: the sample articles are
// snippets, without the dates and links whole articles carry.
func proseRules() []*lint.Rule {
	var out []*lint.Rule
	for _, r := range rules.All() {
		if r.Category != lint.CategoryMetadata && r.Category != lint.CategoryLinks || r.Builtin {
			out = append(out, r)
		}
	}
	return out
}

func sampleRules(t *testing.T) *lint.Registry {
	t.Helper()
	reg, err := lint.NewRegistry(append(proseRules(), houseStyle)...)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// sample lints small articles with every rule: wide and multi-byte
// characters before findings, a long line, a multi-line range, fixes, an
// info finding whose message needs escaping in a file whose name does too,
// a clean file, an unreadable file and a path that does not exist.
func sample(t *testing.T) *report.Report {
	t.Helper()
	return sampleOf(t, sampleRules(t), engine.KeepText)
}

// sampleOf is the sample linted with the rules of reg, the engine keeping
// what keep says.
func sampleOf(t *testing.T, reg *lint.Registry, keep engine.Keep) *report.Report {
	t.Helper()
	eng := &engine.Engine{Registry: reg, Config: config.Default("."), Keep: keep}
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint(sampleInputs()))
	rep.Failed = append(rep.Failed, report.FileError{Path: "news/missing.txt", Message: "open news/missing.txt: no such file or directory"})
	rep.Rules = reg.Rules()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rep.Root = wd
	return rep
}

func sampleInputs() []engine.Input {
	long := strings.Repeat("The harbour ferry runs every hour. ", 12)
	return []engine.Input{
		{Path: "news/ferry.txt", Src: []byte("Harbor News\n\n“Ferry” service the the returns  \n\nDate: 2025-03-14\n\n" + long + "and and stops at the pier.\n\n\n\n中文标题 the\u00a0museum opens.\n")},
		{Path: "news/post.md", Src: []byte("---\ntitle: Notes\n---\n\n<!-- copydesk-disable-next-line repeated-word -->\nNothing doubled here.\n")},
		{Path: "news/bad.txt", Src: []byte("Caf\xe9\n")},
		{Path: "news/image.txt", Src: []byte("\x89PNG\r\n\x1a\n\x00\x00")},
		{Path: "news/sale, 50%: draft.md", Src: []byte("---\ntitle: Sale\n---\n\nCafé “Ærø” prices fell 30% in March.\n")},
		{Path: "news/clean.txt", Src: []byte("Title\n\nClean text.\n")},
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update and review the file)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestTextGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.Text{}).Format(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("\x1b[")) {
		t.Error("colour codes without Color")
	}
	golden(t, "sample.txt.golden", buf.Bytes())
}

func TestTextColorAndStatistics(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.Text{Color: true}).Format(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("\x1b[1m\x1b[33mwarning\x1b[0m")) {
		t.Errorf("no coloured severity in:\n%s", buf.Bytes())
	}
	buf.Reset()
	if err := (report.Text{Statistics: true}).Format(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "statistics.txt.golden", buf.Bytes())
}

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := (report.JSON{}).Format(&buf, sample(t)); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.json.golden", buf.Bytes())
	var v struct {
		Diagnostics []struct {
			Path      string `json:"path"`
			Offset    int    `json:"offset"`
			EndOffset int    `json:"end_offset"`
			Message   string `json:"message"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Diagnostics) == 0 {
		t.Fatal("no diagnostics in the sample")
	}
}

func TestCleanJSONHasEmptyLists(t *testing.T) {
	reg, err := lint.NewRegistry(proseRules()...)
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint([]engine.Input{{Path: "a.txt", Src: []byte("Title\n\nClean text.\n")}}))
	var buf bytes.Buffer
	if err := (report.JSON{}).Format(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte(`"diagnostics": []`)) || !bytes.Contains(buf.Bytes(), []byte(`"errors": []`)) {
		t.Errorf("want empty lists, got:\n%s", buf.Bytes())
	}
	buf.Reset()
	if err := (report.Text{}).Format(&buf, rep); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "No problems found in 1 file.\n" {
		t.Errorf("clean text = %q", buf.String())
	}
}

// A report large enough to be encoded in several chunks side by side must
// still be one valid document with every diagnostic in order.
func TestJSONManyDiagnosticsInOrder(t *testing.T) {
	reg, err := lint.NewRegistry(proseRules()...)
	if err != nil {
		t.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	var inputs []engine.Input
	for i := range 40 {
		src := "Title\n\n" + strings.Repeat("The the cat sat.  Then then it left.\n\n", 150)
		inputs = append(inputs, engine.Input{Path: fmt.Sprintf("a%02d.txt", i), Src: []byte(src)})
	}
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint(inputs))
	var buf bytes.Buffer
	if err := (report.JSON{}).Format(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var v struct {
		Diagnostics []struct {
			Path   string `json:"path"`
			Offset int    `json:"offset"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Diagnostics) != len(rep.Diagnostics) || len(v.Diagnostics) < 3*2048 {
		t.Fatalf("%d diagnostics in the JSON, %d in the report; want the same, over 6144", len(v.Diagnostics), len(rep.Diagnostics))
	}
	for i, d := range v.Diagnostics {
		if d.Path != rep.Diagnostics[i].Path || d.Offset != rep.Diagnostics[i].Start {
			t.Fatalf("diagnostic %d is %s:%d, want %s:%d", i, d.Path, d.Offset, rep.Diagnostics[i].Path, rep.Diagnostics[i].Start)
		}
	}
}

package report_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/report"
	"github.com/copydesk/copydesk/rules"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sample lints two small articles with every rule, one of them with wide
// characters and a long line, one unreadable.
func sample(t *testing.T) *report.Report {
	t.Helper()
	long := strings.Repeat("The harbour ferry runs every hour. ", 12)
	inputs := []lint.Input{
		{Path: "news/ferry.txt", Src: []byte("Harbor News\n\n“Ferry” service the the returns  \n\nDate: 2025-03-14\n\n" + long + "and and stops at the pier.\n\n\n\n中文标题 the\u00a0museum opens.\n")},
		{Path: "news/post.md", Src: []byte("---\ntitle: Notes\n---\n\n<!-- copydesk-disable-next-line repeated-word -->\nNothing doubled here.\n")},
		{Path: "news/bad.txt", Src: []byte("Caf\xe9\n")},
		{Path: "news/image.txt", Src: []byte("\x89PNG\r\n\x1a\n\x00\x00")},
	}
	eng := &lint.Engine{Registry: rules.Registry(), Config: lint.DefaultConfig(".")}
	return report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint(inputs))
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
	eng := &lint.Engine{Registry: rules.Registry(), Config: lint.DefaultConfig(".")}
	rep := report.New(report.Tool{Name: "copydesk", Version: "test"}, eng.Lint([]lint.Input{{Path: "a.txt", Src: []byte("Title\n\nClean text.\n")}}))
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

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSampleAndScore draws a sample from invented findings, judges it the
// way a person edits the file, and scores it; a second draw reuses the
// verdicts.
func TestSampleAndScore(t *testing.T) {
	dir := t.TempDir()
	page := "---\ntitle: Lantern notes\n---\n\nThe the ferry left at dawn.\nThe keepers met in in the hall.\n"
	if err := os.WriteFile(filepath.Join(dir, "notes.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	findings := `{"diagnostics":[
 {"path":"notes.md","line":5,"column":1,"rule":"repeated-word","message":"doubled word","fix":{"applicability":"safe"}},
 {"path":"notes.md","line":6,"column":18,"rule":"repeated-word","message":"doubled word","fix":{"applicability":"safe"}},
 {"path":"notes.md","line":2,"column":8,"rule":"date-missing","message":"no publication date"}]}`
	js := filepath.Join(dir, "site.json")
	if err := os.WriteFile(js, []byte(findings), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run([]string{"sample", "-site", "lantern", "-root", dir, "-n", "5", js}, &out, &errb); code != 0 {
		t.Fatalf("sample: exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "#>    5| The the ferry left at dawn.") {
		t.Errorf("the sample does not show the page around the finding:\n%s", out.String())
	}
	// Judge: the doubled words are true, the date is false.
	var judged []string
	for _, l := range strings.Split(strings.TrimRight(out.String(), "\n"), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if f[1] == "date-missing" {
			f[6], f[7] = "f", "docs page"
		} else {
			f[6] = "t"
		}
		judged = append(judged, strings.Join(f, "\t"))
	}
	verdicts := filepath.Join(dir, "verdicts.tsv")
	if err := os.WriteFile(verdicts, []byte(strings.Join(judged, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"score", verdicts}, &out, &errb); code != 0 {
		t.Fatalf("score: exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"repeated-word", "2/2 100%", "date-missing", "0/1 0%", "2/3 67%", "false date-missing: docs page (1)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("score output lacks %q:\n%s", want, out.String())
		}
	}
	// Weighted: two findings of a rule judged right, one of a rule judged wrong.
	out.Reset()
	if code := run([]string{"score", verdicts, "lantern=" + js}, &out, &errb); code != 0 {
		t.Fatalf("score with findings: exit %d: %s", code, errb.String())
	}
	if want := "weighted by findings: lantern 66.7% (3 findings); all 66.7% (3 findings)"; !strings.Contains(out.String(), want) {
		t.Errorf("weighted score lacks %q:\n%s", want, out.String())
	}
	if code := run([]string{"score", verdicts, js}, &out, &errb); code == 0 {
		t.Error("a findings file without NAME= was accepted")
	}
	out.Reset()
	if code := run([]string{"sample", "-site", "lantern", "-root", dir, "-known", verdicts, js}, &out, &errb); code != 0 {
		t.Fatalf("second sample: exit %d: %s", code, errb.String())
	}
	if strings.Contains(out.String(), "\t?\t") {
		t.Errorf("judged findings were asked again:\n%s", out.String())
	}
}

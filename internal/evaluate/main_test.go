package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

func TestRunRoundTrip(t *testing.T) {
	var out, errb bytes.Buffer
	code := run([]string{"-only", "roundtrip", "-bytes", "60000", "-strict"}, &out, &errb)
	if code != 0 {
		t.Errorf("exit %d, want 0 (every registered rule meets its targets)\n%s%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"copydesk evaluation:", "Round trip:", "repeated-word", "recall"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// TestRunStrictFails checks that -strict turns a missed target into exit status 1, with a rule
// that offers a safe fix for every "the" in a small folder of "proofread" text.
func TestRunStrictFails(t *testing.T) {
	shared := t.TempDir()
	if err := os.Mkdir(filepath.Join(shared, "prose"), 0o755); err != nil {
		t.Fatal(err)
	}
	book := "Harbor City Museum annual report\n\nThe museum opened the new gallery of tide clocks in May, and the visitors came.\n"
	if err := os.WriteFile(filepath.Join(shared, "prose", "report.txt"), []byte(book), 0o644); err != nil {
		t.Fatal(err)
	}
	noisy := &lint.Rule{
		ID: "the-word", Category: lint.CategoryTypography, Severity: lint.SeverityWarning, Fixable: lint.FixSafe,
		Doc: lint.Doc{Title: "t", Why: "w", Wrong: "the"},
		Run: func(p *lint.Pass) {
			src := p.Doc.Src
			for _, tok := range p.Doc.Tokens {
				if tok.Kind() == document.TokWord && string(src[tok.Start:tok.End()]) == "the" {
					p.Report(lint.Diagnostic{Start: int(tok.Start), End: int(tok.End()), Message: "the",
						Fix: &lint.Fix{Message: "drop it", Edits: []lint.Edit{{Start: int(tok.Start), End: int(tok.End())}}}})
				}
			}
		},
	}
	reg, err := lint.NewRegistry(append(rules.All(), noisy)...)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := runWith(reg, []string{"-only", "falsealarms", "-shared", shared, "-strict"}, &out, &errb); code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "the-word: ") || !strings.Contains(out.String(), "MISSED") {
		t.Errorf("the missed target is not reported:\n%s", out.String())
	}
	out.Reset()
	if code := runWith(reg, []string{"-only", "falsealarms", "-shared", shared}, &out, &errb); code != 0 {
		t.Errorf("without -strict: exit %d, want 0", code)
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{
		{"-only", "everything"},
		{"-no-such-flag"},
		{"-shared", filepath.Join(t.TempDir(), "missing")},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

package engine

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
)

// srcRule is a toy corpus rule that reads the texts in its check, where a
// run that keeps positions only has let them go: each "the the" is a
// finding. before, when set, runs first (a test changes files there).
func srcRule(before func()) *lint.Rule {
	return &lint.Rule{
		ID: "toy-src", Category: lint.CategoryTypography, Severity: lint.SeverityWarning,
		Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"},
		Corpus: lint.Corpus(func(p *lint.CorpusPass) {
			if before != nil {
				before()
			}
			for i, s := range p.Summaries {
				src := p.Src(i)
				if at := bytes.Index(src, []byte("the the")); at >= 0 {
					p.Report(s.Path, lint.Diagnostic{Start: at, End: at + 7, Message: "the the, seen by a corpus rule"})
				}
			}
		}),
	}
}

// TestChangedBeforeReport: a file whose text the run let go and read again
// for a corpus rule and for the report is reported as changed when it no
// longer holds the text linted, without findings (their positions would be
// wrong); the other files keep theirs, at the places a run keeping the
// texts gives.
func TestChangedBeforeReport(t *testing.T) {
	const text = "Title\n\nA line of the the article.\n"
	for _, tc := range []struct {
		name   string
		change func(path string) error
		err    string // "" none; errChanged's text; or the start of another
	}{
		{"unchanged", nil, ""},
		{"rewritten, same size", func(p string) error {
			return os.WriteFile(p, []byte("Title\n\nThe the line of a article.\n"), 0o644)
		}, errChanged.Error()},
		{"grown", func(p string) error {
			return os.WriteFile(p, []byte("New title\n\n"+text), 0o644)
		}, errChanged.Error()},
		{"removed", os.Remove, "read again to report its findings: no such file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
				if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var changeErr error
			before := func() {
				if tc.change != nil && changeErr == nil {
					changeErr = tc.change(filepath.Join(dir, "b.txt"))
				}
			}
			reg, err := lint.NewRegistry(append(lint.Builtin(), doubleThe, srcRule(before))...)
			if err != nil {
				t.Fatal(err)
			}
			inputs := []Input{{Path: "a.txt"}, {Path: "b.txt"}, {Path: "c.txt"}}
			want := (&Engine{Registry: reg, Config: config.Default(".")}).Lint(inputs)
			// the reference run changed b.txt too: write it back
			if err := os.WriteFile("b.txt", []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			changeErr = nil
			e := &Engine{Registry: reg, Config: config.Default("."), Keep: KeepPositions}
			res := e.Lint(inputs)
			if changeErr != nil {
				t.Fatal(changeErr)
			}
			if len(res.Files) != 3 {
				t.Fatalf("%d files", len(res.Files))
			}
			for i, f := range res.Files {
				if f.Path == "b.txt" && tc.err != "" {
					if f.Err == nil || len(f.Diagnostics) > 0 || f.Excerpt != nil {
						t.Fatalf("b.txt: err %v, %d findings, excerpt %v; want the error %q and no findings", f.Err, len(f.Diagnostics), f.Excerpt != nil, tc.err)
					}
					if got := f.Err.Error(); len(got) < len(tc.err) || got[:len(tc.err)] != tc.err {
						t.Fatalf("b.txt: err %q, want %q", got, tc.err)
					}
					if tc.err == errChanged.Error() && !errors.Is(f.Err, errChanged) {
						t.Fatalf("b.txt: %v is not errChanged", f.Err)
					}
					continue
				}
				if f.Err != nil || f.Excerpt == nil {
					t.Fatalf("%s: err %v, excerpt %v", f.Path, f.Err, f.Excerpt != nil)
				}
				if !reflect.DeepEqual(f.Diagnostics, want.Files[i].Diagnostics) || len(f.Diagnostics) != 2 {
					t.Fatalf("%s: findings\n%v\nwant (2)\n%v", f.Path, f.Diagnostics, want.Files[i].Diagnostics)
				}
				for _, d := range f.Diagnostics {
					l, c := want.Files[i].Summary.Position(d.Start)
					if xl, xc, ok := f.Excerpt.Position(d.Start); !ok || xl != l || xc != c {
						t.Errorf("%s: %s at %d: %d:%d, want %d:%d", f.Path, d.Rule, d.Start, xl, xc, l, c)
					}
				}
			}
			// a, b and c read again for the corpus rule, and for the report
			if n := Rereads(e); n < 5 {
				t.Errorf("%d texts read again, want 5 or 6", n)
			}
		})
	}
}

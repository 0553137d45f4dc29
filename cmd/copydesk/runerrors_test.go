package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
)

// A corpus rule that fails is said on standard error, on one line naming
// the rule, and the command exits 2 as for a file it could not lint.
func TestRunErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		check  func(*lint.CorpusPass)
		stderr string // the start of standard error
		code   int
	}{
		{"clean", func(*lint.CorpusPass) {}, "", exitOK},
		{"panic", func(*lint.CorpusPass) { panic("boom") },
			`copydesk: internal error: rule toy-boom failed checking the corpus: boom (please report this)\ngoroutine `, exitError},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rule := &lint.Rule{ID: "toy-boom", Category: lint.CategoryLinks, Severity: lint.SeverityWarning,
				Doc: lint.Doc{Title: "t", Why: "w", Wrong: "x"}, Corpus: lint.Corpus(tc.check)}
			reg, err := lint.NewRegistry(append(lint.Builtin(), rule)...)
			if err != nil {
				t.Fatal(err)
			}
			eng := &engine.Engine{Registry: reg, Config: config.Default(t.TempDir())}
			var stderr bytes.Buffer
			e := &env{stdout: new(bytes.Buffer), stderr: &stderr}
			res := lintAll(e, eng, []engine.Input{{Path: "a.md", Src: []byte("# A\n\nText.\n")}})
			failed := printRunErrors(e, res)
			if got := stderr.String(); !strings.HasPrefix(got, tc.stderr) || strings.Count(got, "\n") != len(res.RunErrors) {
				t.Errorf("stderr = %q, want one line a run error, starting %q", got, tc.stderr)
			}
			code := exitOK
			var ec *exitCode
			if err := exitFor(newReport(eng, res), lint.SeverityError, failed); errors.As(err, &ec) {
				code = ec.code
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
		})
	}
}

// Package linttest runs a rule over articles whose expected findings are
// written next to the text, and compares its fixes with golden files, in
// the manner of golang.org/x/tools/go/analysis/analysistest.
//
// Expectations: in Markdown, a comment `<!-- want RULE "regexp" -->` on the
// line the finding starts on (several items may share one comment); for any
// file, a sidecar NAME.want with lines `LINE[:COL] RULE ["regexp"]`. Every
// finding must be expected and every expectation met. Fixed text is
// compared with NAME.golden (safe fixes) and NAME.unsafe.golden (all fixes);
// `go test -update` rewrites them.
package linttest

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
)

var update = flag.Bool("update", false, "rewrite .golden files with the current fix output")

type expectation struct {
	line, col int // col 0: any column
	rule      string
	re        *regexp.Regexp
	met       bool
	where     string
}

// Run checks rule against every article in dir.
func Run(t *testing.T, dir string, rule *lint.Rule) {
	t.Helper()
	RunRules(t, dir, rule)
}

// RunRules checks several rules together against every article in dir:
// for fixtures about the document model, where what matters is that no
// rule reports on markup and no safe fix edits it.
func RunRules(t *testing.T, dir string, rules ...*lint.Rule) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("read testdata: %v", err)
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), rules...)...)
	if err != nil {
		t.Fatal(err)
	}
	// A folder's own config sets rule options for its articles, as a
	// site's would.
	cfg := config.Default(dir)
	if file := filepath.Join(dir, config.FileName); fileExists(file) {
		if cfg, err = config.Load(file, reg); err != nil {
			t.Fatal(err)
		}
	}
	eng := &engine.Engine{Registry: reg, Config: cfg, Workers: 1}
	n := 0
	for _, e := range entries {
		if e.IsDir() || !document.IsArticle(e.Name()) {
			continue
		}
		n++
		path := filepath.Join(dir, e.Name())
		t.Run(e.Name(), func(t *testing.T) { checkFile(t, eng, path) })
	}
	if n == 0 {
		t.Fatalf("no articles in %s", dir)
	}
}

func checkFile(t *testing.T, eng *engine.Engine, path string) {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res := eng.Lint([]engine.Input{{Path: path, Src: src}})
	f := res.Files[0]
	if f.Err != nil {
		t.Fatalf("lint: %v", f.Err)
	}
	wants := inlineWants(t, path, src)
	wants = append(wants, sidecarWants(t, path+".want")...)
	for _, d := range f.Diagnostics {
		line, col := f.Summary.Position(d.Start)
		if !match(wants, d, line, col) {
			t.Errorf("%s:%d:%d: unexpected finding [%s] %s", path, line, col, d.Rule, d.Message)
		}
		checkFixable(t, eng.Registry, d, path, line, col)
	}
	for _, w := range wants {
		if !w.met {
			t.Errorf("%s: expected [%s] matching %q at line %d, got none", w.where, w.rule, w.re, w.line)
		}
	}
	relint := func(b []byte) ([]lint.Diagnostic, error) {
		return eng.LintSource(engine.Input{Path: path, Src: b})
	}
	checkGoldens(t, path, src, f.Diagnostics, relint, true)
}

// checkGoldens applies a file's fixes, the safe ones and then all of them,
// and compares each result with its golden file (NAME.golden,
// NAME.unsafe.golden); it returns the text with the safe fixes applied, nil
// when none apply. With again, linting a fixed text must leave nothing to
// fix: fixing is idempotent.
func checkGoldens(t *testing.T, path string, src []byte, diags []lint.Diagnostic, relint fixers.LintFunc, again bool) []byte {
	t.Helper()
	hasUnsafe := false
	for _, d := range diags {
		hasUnsafe = hasUnsafe || d.Fix != nil && d.Fix.Applicability == lint.Unsafe
	}
	var safeFixed []byte
	for _, g := range []struct {
		suffix string
		unsafe bool
	}{{".golden", false}, {".unsafe.golden", true}} {
		if g.unsafe && !hasUnsafe {
			continue
		}
		want := func(d lint.Diagnostic) bool {
			return d.Fix != nil && (d.Fix.Applicability == lint.Safe || g.unsafe)
		}
		r, err := fixers.Loop(src, diags, relint, want, 10)
		if err != nil {
			t.Fatalf("fix: %v", err)
		}
		golden := path + g.suffix
		if r.Applied == 0 {
			if _, err := os.Stat(golden); err == nil {
				t.Errorf("%s exists but no %s fix applies", golden, strings.TrimPrefix(g.suffix, "."))
			}
			continue
		}
		if !g.unsafe {
			safeFixed = r.Src
		}
		if *update {
			if err := os.WriteFile(golden, r.Src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		exp, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%d fixes apply but %s is missing (run go test -update and review it)", r.Applied, golden)
			continue
		}
		if !bytes.Equal(r.Src, exp) {
			t.Errorf("fixed text differs from %s:\n%s", golden, fixers.Unified(golden, exp, r.Src))
		}
		if !again {
			continue
		}
		left, err := relint(r.Src)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range left {
			if want(d) {
				t.Errorf("after fixing, %s still has a fixable finding at offset %d: [%s] %s", path, d.Start, d.Rule, d.Message)
			}
		}
	}
	return safeFixed
}

func match(wants []*expectation, d lint.Diagnostic, line, col int) bool {
	for _, w := range wants {
		if w.met || w.line != line || w.rule != d.Rule || (w.col != 0 && w.col != col) {
			continue
		}
		if w.re != nil && !w.re.MatchString(d.Message) {
			continue
		}
		w.met = true
		return true
	}
	return false
}

// inlineWants reads `<!-- want RULE "re" ... -->` comments.
func inlineWants(t *testing.T, path string, src []byte) []*expectation {
	var out []*expectation
	for i, line := range strings.Split(string(src), "\n") {
		for {
			k := strings.Index(line, "<!-- want ")
			if k < 0 {
				break
			}
			rest := line[k+len("<!-- want "):]
			end := strings.Index(rest, "-->")
			if end < 0 {
				t.Fatalf("%s:%d: unterminated want comment", path, i+1)
			}
			where := fmt.Sprintf("%s:%d", path, i+1)
			out = append(out, parseItems(t, where, i+1, 0, rest[:end])...)
			line = rest[end:]
		}
	}
	return out
}

// sidecarWants reads NAME.want: `LINE[:COL] RULE ["re"] [RULE ["re"]...]`.
func sidecarWants(t *testing.T, path string) []*expectation {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []*expectation
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		pos, rest, _ := strings.Cut(text, " ")
		ls, cs, _ := strings.Cut(pos, ":")
		line, err := strconv.Atoi(ls)
		if err != nil {
			t.Fatalf("%s:%d: want LINE[:COL] RULE, got %q", path, n, text)
		}
		col := 0
		if cs != "" {
			if col, err = strconv.Atoi(cs); err != nil {
				t.Fatalf("%s:%d: bad column in %q", path, n, text)
			}
		}
		out = append(out, parseItems(t, fmt.Sprintf("%s:%d", path, n), line, col, rest)...)
	}
	return out
}

// parseItems reads `RULE "re" RULE RULE "re"`.
func parseItems(t *testing.T, where string, line, col int, s string) []*expectation {
	var out []*expectation
	s = strings.TrimSpace(s)
	for s != "" {
		id, rest, _ := strings.Cut(s, " ")
		e := &expectation{line: line, col: col, rule: id, where: where}
		rest = strings.TrimSpace(rest)
		if strings.HasPrefix(rest, `"`) {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				t.Fatalf("%s: bad quoted regexp: %v", where, err)
			}
			pat, _ := strconv.Unquote(q)
			e.re, err = regexp.Compile(pat)
			if err != nil {
				t.Fatalf("%s: bad regexp: %v", where, err)
			}
			rest = strings.TrimSpace(rest[len(q):])
		}
		out = append(out, e)
		s = rest
	}
	return out
}

// checkFixable fails the test when d carries a fix its rule does not
// declare (Rule.Fixable): listings, docs and the fix command read the
// declaration. A safe fix that GuardFix made unsafe (on protected markup)
// is still a fix of a rule with safe ones.
func checkFixable(t *testing.T, reg *lint.Registry, d lint.Diagnostic, path string, line, col int) {
	t.Helper()
	if d.Fix == nil {
		return
	}
	r, ok := reg.Lookup(d.Rule)
	if !ok {
		return
	}
	safe := d.Fix.Applicability == lint.Safe
	switch {
	case r.Fixable == lint.FixNone:
		t.Errorf("%s:%d:%d: [%s] reports a fix, but the rule declares none (Fixable)", path, line, col, d.Rule)
	case safe && r.Fixable == lint.FixUnsafe:
		t.Errorf("%s:%d:%d: [%s] reports a safe fix, but the rule declares unsafe ones only (Fixable)", path, line, col, d.Rule)
	}
}

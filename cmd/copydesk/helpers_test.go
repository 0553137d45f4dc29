package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// pkgDir is the package folder, captured before any test changes directory.
var pkgDir = func() string {
	d, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return d
}()

// result is what one in-process run of the command tree produced.
type result struct {
	stdout, stderr string
	code           int
}

// cli runs the real command tree in-process with stdin as standard input.
func cli(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	var in io.Reader = strings.NewReader(stdin)
	code := run(args, in, &out, &errb)
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

// cliBytes is cli with binary standard input.
func cliBytes(t *testing.T, stdin []byte, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, bytes.NewReader(stdin), &out, &errb)
	return result{stdout: out.String(), stderr: errb.String(), code: code}
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\n--- stdout:\n%s\n--- stderr:\n%s", r.code, r.stdout, r.stderr)
}

// workdir makes a fresh temporary folder the current directory for the
// test, so that config discovery and relative paths are under its control.
func workdir(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	// Resolve symlinks (macOS /var -> /private/var) so paths compare equal.
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	// The tests lint snippets, not whole articles: a config one folder up
	// turns off the checks that every snippet would fail (a missing date or
	// title). A test that writes its own .copydesk.yaml in the work folder
	// overrides it, since the nearest config wins.
	if err := os.WriteFile(filepath.Join(root, ".copydesk.yaml"), []byte(snippetConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "work")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	return dir
}

const snippetConfig = "rules:\n  date-missing: off\n  title-missing: off\n"

// write creates a file (and its folders) relative to the current directory.
func write(t *testing.T, path, content string) {
	t.Helper()
	writeBytes(t, path, []byte(content), 0o644)
}

func writeBytes(t *testing.T, path string, content []byte, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, content, mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // umask-proof
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// jsonReport is the decoded --format json output, loosely typed so that
// tests see exactly what a script would.
type jsonReport map[string]any

func decode(t *testing.T, r result) jsonReport {
	t.Helper()
	var m map[string]any
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, r)
	}
	if dec.More() {
		t.Fatalf("stdout has more than one JSON value\n%s", r)
	}
	return m
}

// diags returns the diagnostics array; it fails the test if it is missing
// or not an array (null included).
func (m jsonReport) diags(t *testing.T) []map[string]any {
	t.Helper()
	raw, ok := m["diagnostics"]
	if !ok {
		t.Fatalf("no diagnostics key in %v", m)
	}
	arr, ok := raw.([]any)
	if !ok {
		t.Fatalf("diagnostics is %T (%v), want an array", raw, raw)
	}
	out := make([]map[string]any, len(arr))
	for i, x := range arr {
		d, ok := x.(map[string]any)
		if !ok {
			t.Fatalf("diagnostic %d is %T, want an object", i, x)
		}
		out[i] = d
	}
	return out
}

// byRule returns the diagnostics of one rule.
func (m jsonReport) byRule(t *testing.T, rule string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, d := range m.diags(t) {
		if d["rule"] == rule {
			out = append(out, d)
		}
	}
	return out
}

// rulesOf lists "path:line rule" for every diagnostic, in output order.
func (m jsonReport) rulesOf(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, d := range m.diags(t) {
		out = append(out, str(d["path"])+":"+num(t, d["line"]).String()+" "+str(d["rule"]))
	}
	return out
}

func str(v any) string { s, _ := v.(string); return s }

func num(t *testing.T, v any) json.Number {
	t.Helper()
	n, ok := v.(json.Number)
	if !ok {
		t.Fatalf("%v is %T, want a number", v, v)
	}
	return n
}

func intOf(t *testing.T, v any) int {
	t.Helper()
	n, err := num(t, v).Int64()
	if err != nil {
		t.Fatalf("%v is not an integer: %v", v, err)
	}
	return int(n)
}

func keys(m map[string]any) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func sorted(ks ...string) []string {
	out := slices.Clone(ks)
	sort.Strings(out)
	return out
}

func wantKeys(t *testing.T, what string, m map[string]any, want ...string) {
	t.Helper()
	if got := keys(m); !slices.Equal(got, sorted(want...)) {
		t.Errorf("%s keys = %v, want %v", what, got, sorted(want...))
	}
}

// fixable reports whether any diagnostic of a lint JSON report offers a
// safe fix.
func (m jsonReport) safeFixable(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, d := range m.diags(t) {
		if f, ok := d["fix"].(map[string]any); ok && f["applicability"] == "safe" {
			out = append(out, str(d["path"])+" "+str(d["rule"]))
		}
	}
	return out
}

func wantCode(t *testing.T, r result, code int) {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\n%s", r.code, code, r)
	}
}

func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s does not contain %q:\n%s", what, sub, s)
		}
	}
}

func mustNotContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			t.Errorf("%s contains %q:\n%s", what, sub, s)
		}
	}
}

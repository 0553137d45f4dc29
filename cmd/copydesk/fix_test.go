package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

// dirty has one finding of each fixable rule.
const dirty = "# Harbor notes\n\nThe ferry ferry left at nine.   \nGulls\u00a0circled the pier.\n\n\n\nThe end.\n"

const dirtyFixed = "# Harbor notes\n\nThe ferry left at nine.\nGulls circled the pier.\n\nThe end.\n"

func TestFixWritesSafeFixes(t *testing.T) {
	workdir(t)
	write(t, "a.md", dirty)
	write(t, "clean.md", "Nothing to fix.\n")
	r := cli(t, "", "fix", ".")
	wantCode(t, r, 0)
	if got := string(mustRead(t, "a.md")); got != dirtyFixed {
		t.Errorf("fixed file:\n%q\nwant\n%q", got, dirtyFixed)
	}
	if got := string(mustRead(t, "clean.md")); got != "Nothing to fix.\n" {
		t.Errorf("clean file changed: %q", got)
	}
	mustContain(t, "stdout", r.stdout, "Fixed 4 problems in 1 file; 0 left.")

	// After fix nothing safe-fixable is left ...
	l := cli(t, "", "lint", "--format", "json", ".")
	wantCode(t, l, 0)
	if left := decode(t, l).safeFixable(t); len(left) != 0 {
		t.Errorf("safe-fixable findings after fix: %v", left)
	}
	// ... and a second fix changes nothing.
	r = cli(t, "", "fix", ".")
	wantCode(t, r, 0)
	if got := string(mustRead(t, "a.md")); got != dirtyFixed {
		t.Errorf("second fix changed the file to %q", got)
	}
	mustContain(t, "stdout", r.stdout, "Fixed 0 problems in 0 files; 0 left.")
}

// TestFixIdempotentOnInteractingFixes: fixes that touch each other (a
// doubled word across a no-break space before trailing blanks) converge.
func TestFixIdempotentOnInteractingFixes(t *testing.T) {
	workdir(t)
	srcs := map[string]string{
		"a.txt": "Boats\u00a0boats\u00a0boats rocked.  \n\n\n\nThe the the end.\t\n",
		"b.md":  "- A a list item   \n- The\u00a0the\u00a0harbor\n\n\n> quote quote  \n> line\n",
		"c.txt": "Word word word word.\n\n\n\n\n\nLast last.",
	}
	for name, s := range srcs {
		write(t, name, s)
	}
	first := cli(t, "", "fix", ".")
	if first.code > 1 {
		t.Fatalf("fix failed:\n%s", first)
	}
	after := map[string][]byte{}
	for name := range srcs {
		after[name] = mustRead(t, name)
	}
	l := cli(t, "", "lint", "--format", "json", ".")
	if left := decode(t, l).safeFixable(t); len(left) != 0 {
		t.Errorf("safe-fixable findings after fix: %v", left)
	}
	second := cli(t, "", "fix", ".")
	for name := range srcs {
		if got := mustRead(t, name); !bytes.Equal(got, after[name]) {
			t.Errorf("%s: second fix changed %q to %q", name, after[name], got)
		}
	}
	mustContain(t, "second fix", second.stdout, "Fixed 0 problems in 0 files")
	if got := string(after["c.txt"]); got != "Word word word word.\n\nLast." {
		t.Errorf("c.txt fixed to %q", got)
	}
}

func TestFixKeepsModeCRLFAndBOM(t *testing.T) {
	workdir(t)
	src := "\ufeffHarbor News\r\n\r\nThe the tide rose.  \r\nGulls\u00a0cried.\r\n\r\n\r\n\r\nEnd.\r\n"
	want := "\ufeffHarbor News\r\n\r\nThe tide rose.\r\nGulls cried.\r\n\r\nEnd.\r\n"
	writeBytes(t, "crlf.txt", []byte(src), 0o640)
	writeBytes(t, "plain.md", []byte("Lone lone line.\n"), 0o600)
	r := cli(t, "", "fix", "crlf.txt", "plain.md")
	wantCode(t, r, 0)
	if got := string(mustRead(t, "crlf.txt")); got != want {
		t.Errorf("fixed:\n%q\nwant\n%q", got, want)
	}
	for name, mode := range map[string]os.FileMode{"crlf.txt": 0o640, "plain.md": 0o600} {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != mode {
			t.Errorf("%s mode %v after fix, want %v", name, st.Mode().Perm(), mode)
		}
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(".")
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v after fix", names)
	}
}

func TestFixDiff(t *testing.T) {
	workdir(t)
	writeBytes(t, "a.md", []byte(dirty), 0o640)
	write(t, "clean.md", "Nothing to fix.\n")
	r := cli(t, "", "fix", "--diff", ".")
	wantCode(t, r, 1)
	if got := string(mustRead(t, "a.md")); got != dirty {
		t.Errorf("--diff wrote the file: %q", got)
	}
	if st, _ := os.Stat("a.md"); st.Mode().Perm() != 0o640 {
		t.Errorf("--diff changed the mode to %v", st.Mode().Perm())
	}
	out := r.stdout
	if !strings.HasPrefix(out, "--- a/a.md\n+++ b/a.md\n@@ ") {
		t.Errorf("stdout does not start with a unified diff header:\n%s", out)
	}
	mustContain(t, "diff", out,
		"-The ferry ferry left at nine.   \n",
		"+The ferry left at nine.\n",
		"-Gulls\u00a0circled the pier.\n",
		"+Gulls circled the pier.\n")
	mustNotContain(t, "diff", out, "clean.md", "Fixed", "Would fix")
	// Every line of stdout belongs to the diff; the report is on stderr.
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" || !strings.ContainsRune("-+ @", rune(l[0])) {
			t.Errorf("non-diff line on stdout: %q", l)
		}
	}
	mustContain(t, "stderr", r.stderr, "Would fix 4 problems in 1 file")

	// Applying the diff to the original gives what fix writes.
	fixed := applyUnified(t, dirty, out)
	if fixed != dirtyFixed {
		t.Errorf("diff applied gives %q, want %q", fixed, dirtyFixed)
	}

	// Nothing to change: no diff, exit 0.
	r = cli(t, "", "fix", "--diff", "clean.md")
	wantCode(t, r, 0)
	if r.stdout != "" {
		t.Errorf("diff of a clean file: %q", r.stdout)
	}
}

// applyUnified applies a one-file unified diff to src.
func applyUnified(t *testing.T, src, diff string) string {
	t.Helper()
	old := strings.SplitAfter(src, "\n")
	var out []string
	i := 0 // next line of old to copy
	for _, l := range strings.SplitAfter(diff, "\n") {
		switch {
		case l == "", strings.HasPrefix(l, "--- "), strings.HasPrefix(l, "+++ "):
		case strings.HasPrefix(l, "@@ "):
			var a, b, c, d int
			if _, err := sscanHunk(l, &a, &b, &c, &d); err != nil {
				t.Fatalf("bad hunk header %q: %v", l, err)
			}
			for i < a-1 {
				out = append(out, old[i])
				i++
			}
		case l[0] == ' ':
			if old[i] != l[1:] {
				t.Fatalf("context %q does not match %q", l[1:], old[i])
			}
			out = append(out, old[i])
			i++
		case l[0] == '-':
			if old[i] != l[1:] {
				t.Fatalf("removed %q does not match %q", l[1:], old[i])
			}
			i++
		case l[0] == '+':
			out = append(out, l[1:])
		case l[0] == '\\':
		default:
			t.Fatalf("unexpected diff line %q", l)
		}
	}
	out = append(out, old[i:]...)
	return strings.Join(out, "")
}

func sscanHunk(l string, a, b, c, d *int) (int, error) {
	// "@@ -a,b +c,d @@"; the ,b and ,d parts may be missing.
	fields := strings.Fields(l)
	if len(fields) < 4 {
		return 0, os.ErrInvalid
	}
	parse := func(s string, start, n *int) error {
		*n = 1
		head, tail, ok := strings.Cut(s[1:], ",")
		if _, err := fmt.Sscan(head, start); err != nil {
			return err
		}
		if ok {
			if _, err := fmt.Sscan(tail, n); err != nil {
				return err
			}
		}
		return nil
	}
	if err := parse(fields[1], a, b); err != nil {
		return 0, err
	}
	return 4, parse(fields[2], c, d)
}

func TestFixCheck(t *testing.T) {
	workdir(t)
	writeBytes(t, "a.md", []byte(dirty), 0o640)
	write(t, "clean.md", "Nothing to fix.\n")
	r := cli(t, "", "fix", "--check", ".")
	wantCode(t, r, 1)
	if got := string(mustRead(t, "a.md")); got != dirty {
		t.Errorf("--check wrote the file: %q", got)
	}
	mustContain(t, "stdout", r.stdout, "would fix 4 problems in a.md")
	mustNotContain(t, "stdout", r.stdout, "clean.md")

	r = cli(t, "", "fix", "--check", "clean.md")
	wantCode(t, r, 0)

	// A file with only unfixable findings: nothing would change, but a
	// warning would remain, so --check agrees with lint (exit 1) and says
	// what would remain; with --fail-level none only a change fails it.
	write(t, "unfixable.md", "<!-- copydesk-disable-next-line nbsp -- nothing here -->\nCalm.\n")
	r = cli(t, "", "fix", "--check", "unfixable.md")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "[unused-suppression]", "Would fix 0 problems in 0 files; 1 left.")
	wantCode(t, cli(t, "", "fix", "--check", "--fail-level", "none", "unfixable.md"), 0)
	// Whereas plain fix reports the finding that is left, exit 1.
	r = cli(t, "", "fix", "unfixable.md")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "[unused-suppression]", "Fixed 0 problems in 0 files; 1 left.")
}

func TestFixUnsafeFlagAccepted(t *testing.T) {
	workdir(t)
	write(t, "a.md", dirty)
	r := cli(t, "", "fix", "--unsafe", "a.md")
	wantCode(t, r, 0)
	if got := string(mustRead(t, "a.md")); got != dirtyFixed {
		t.Errorf("fix --unsafe gave %q", got)
	}
	write(t, "b.md", dirty)
	r = cli(t, "", "fix", "--unsafe", "--check", "b.md")
	wantCode(t, r, 1)
	r = cli(t, "", "fix", "--unsafe", "--diff", "b.md")
	wantCode(t, r, 1)
	if got := string(mustRead(t, "b.md")); got != dirty {
		t.Errorf("--unsafe --diff wrote the file")
	}
}

func TestFixStdin(t *testing.T) {
	workdir(t)
	tests := []struct {
		name, in, want string
	}{
		{"fixes", dirty, dirtyFixed},
		{"unchanged when clean", "Calm water.\n", "Calm water.\n"},
		{"unchanged when only unfixable", "<!-- copydesk-disable-next-line nbsp -- nothing -->\nCalm.\n", "<!-- copydesk-disable-next-line nbsp -- nothing -->\nCalm.\n"},
		{"empty", "", ""},
		{"CRLF and BOM kept", "\ufeffThe the tide.   \r\nEnd.\r\n", "\ufeffThe tide.\r\nEnd.\r\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := cli(t, tt.in, "fix", "--stdin-filename", "x.md", "-")
			if r.code == 2 {
				t.Fatalf("fix from stdin failed:\n%s", r)
			}
			if r.stdout != tt.want {
				t.Errorf("stdout %q, want %q", r.stdout, tt.want)
			}
			// The report goes to stderr so stdout is only the text.
			mustContain(t, "stderr", r.stderr, "left.")
		})
	}
	// Nothing is written to disk under the stdin name.
	if _, err := os.Stat("x.md"); !os.IsNotExist(err) {
		t.Errorf("fix from stdin created x.md: %v", err)
	}
}

func TestFixReportsWhatIsLeft(t *testing.T) {
	workdir(t)
	// A front-matter error cannot be fixed; the doubled word can.
	write(t, "a.md", "---\ntitle: [open\n---\nThe the tide.\n")
	r := cli(t, "", "fix", "a.md")
	wantCode(t, r, 1)
	if got := string(mustRead(t, "a.md")); got != "---\ntitle: [open\n---\nThe tide.\n" {
		t.Errorf("fixed to %q", got)
	}
	mustContain(t, "stdout", r.stdout, "a.md:1:1: error [front-matter]", "Fixed 1 problem in 1 file; 1 left.")
	// With --fail-level none the leftover does not fail the run.
	wantCode(t, cli(t, "", "fix", "--fail-level", "none", "a.md"), 0)
}

func TestFixBadInputsKeepOthers(t *testing.T) {
	workdir(t)
	write(t, "good.md", "Gulls gulls cried.\n")
	latin1 := []byte("Caf\xe9 on the the quay.\n")
	writeBytes(t, "latin1.txt", latin1, 0o644)
	r := cli(t, "", "fix", ".", "missing.md")
	wantCode(t, r, 2)
	if got := string(mustRead(t, "good.md")); got != "Gulls cried.\n" {
		t.Errorf("good file not fixed: %q", got)
	}
	if got := mustRead(t, "latin1.txt"); !bytes.Equal(got, latin1) {
		t.Errorf("invalid UTF-8 file changed to %q", got)
	}
	mustContain(t, "output", r.stdout+r.stderr, "latin1.txt", "not valid UTF-8", "missing.md: no such file or folder")
}

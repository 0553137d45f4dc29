package fixers

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/copydesk/copydesk/report"
)

func TestUnifiedGolden(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		want          string
	}{
		{
			name:   "equal",
			before: "same\n",
			after:  "same\n",
			want:   "",
		},
		{
			name:   "one line changed",
			before: "a\nb\nc\n",
			after:  "a\nB\nc\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,3 +1,3 @@
 a
-b
+B
 c
`,
		},
		{
			name:   "context is three lines",
			before: "1\n2\n3\n4\n5\n6\n7\n8\n9\n",
			after:  "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+FIVE
 6
 7
 8
`,
		},
		{
			// Six unchanged lines between changes: the contexts touch, so
			// diff -u prints one hunk.
			name:   "close changes share a hunk",
			before: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
			after:  "1\nTWO\n3\n4\n5\n6\n7\n8\nNINE\n10\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,10 +1,10 @@
 1
-2
+TWO
 3
 4
 5
 6
 7
 8
-9
+NINE
 10
`,
		},
		{
			name:   "distant changes get separate hunks",
			before: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n",
			after:  "ONE\n2\n3\n4\n5\n6\n7\n8\n9\n10\nELEVEN\nTWELVE\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,4 +1,4 @@
-1
+ONE
 2
 3
 4
@@ -8,4 +8,5 @@
 8
 9
 10
-11
+ELEVEN
+TWELVE
`,
		},
		{
			name:   "pure insertion and deletion",
			before: "a\nb\nc\nd\n",
			after:  "a\nnew\nb\nd\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,4 +1,4 @@
 a
+new
 b
-c
 d
`,
		},
		{
			name:   "final newline added",
			before: "x\nlast",
			after:  "x\nlast\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,2 +1,2 @@
 x
-last
\ No newline at end of file
+last
`,
		},
		{
			name:   "change above a line without newline",
			before: "a\nb\nend",
			after:  "A\nb\nend",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,3 +1,3 @@
-a
+A
 b
 end
\ No newline at end of file
`,
		},
		{
			name:   "CRLF kept",
			before: "one\r\ntwo\r\n",
			after:  "one\r\n2\r\n",
			want:   "--- a/doc.md\n+++ b/doc.md\n@@ -1,2 +1,2 @@\n one\r\n-two\r\n+2\r\n",
		},
		{
			name:   "from empty",
			before: "",
			after:  "hello\n",
			want: `--- a/doc.md
+++ b/doc.md
@@ -0,0 +1 @@
+hello
`,
		},
		{
			name:   "to empty",
			before: "bye\nnow\n",
			after:  "",
			want: `--- a/doc.md
+++ b/doc.md
@@ -1,2 +0,0 @@
-bye
-now
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Unified("doc.md", []byte(tt.before), []byte(tt.after))
			if got != tt.want {
				t.Errorf("Unified:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// applyCases are before/after pairs that patch tools are picky about. file
// defaults to a name derived from the case name.
var applyCases = []struct{ name, file, before, after string }{
	{"middle", "", "a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n"},
	{"crlf", "", "# Title\r\n\r\nThe the cat.\r\nEnd.\r\n", "# Title\r\n\r\nThe cat.\r\nEnd.\r\n"},
	{"crlf no final newline", "", "a\r\nb\r\nc", "a\r\nB\r\nc"},
	{"add final newline", "", "x\ny", "x\ny\n"},
	{"remove final newline", "", "x\ny\n", "x\ny"},
	{"change last line without newline", "", "x\ny", "x\nz"},
	{"from empty", "", "", "new\ntext\n"},
	{"to one line", "", "long\nlong\ntext\n", "short\n"},
	{"to empty", "", "gone\n", ""},
	{"utf8", "", "café  au lait\n", "café au lait\n"},
	{"two hunks", "", strings.Repeat("line\n", 20) + "tail\n", "head\n" + strings.Repeat("line\n", 20) + "TAIL\n"},
	{"space in name", "docs/my article.md", "a\n", "b\n"},
	{"quote in name", `docs/say "hi".md`, "a\n", "b\n"},
	{"tab in name", "docs/tab\there.md", "a\n", "b\n"},
	{"non-ASCII name", "docs/café.md", "a\n", "b\n"},
	{"escape and newline in name", "docs/\x1b[31mred\nline.md", "a\n", "b\n"},
	{"bidi control in name", "docs/evil\u202etxt.md", "a\n", "b\n"},
	{"not UTF-8 name", "docs/caf\xe9.md", "a\n", "b\n"},
}

func caseFile(name, file string) string {
	if file != "" {
		return file
	}
	return "docs/" + strings.ReplaceAll(name, " ", "-") + ".md"
}

func TestUnifiedNames(t *testing.T) {
	tests := []struct{ path, header string }{
		{"doc.md", "--- a/doc.md\n+++ b/doc.md\n"},
		{"my doc.md", "--- a/my doc.md\t\n+++ b/my doc.md\t\n"},
		{`say "hi".md`, `--- "a/say \"hi\".md"` + "\n" + `+++ "b/say \"hi\".md"` + "\n"},
		{"a\tb\x01.md", `--- "a/a\tb\001.md"` + "\n" + `+++ "b/a\tb\001.md"` + "\n"},
		{"café.md", "--- a/café.md\n+++ b/café.md\n"},
		// A terminal would act on these: an escape sequence, a line break,
		// a C1 CSI, a right-to-left override and a byte that is not UTF-8.
		{"news/\x1b[2J\x1b[31mred\nline.md", `--- "a/news/\033[2J\033[31mred\nline.md"` + "\n" + `+++ "b/news/\033[2J\033[31mred\nline.md"` + "\n"},
		{"a\u009b31m.md", `--- "a/a\302\23331m.md"` + "\n" + `+++ "b/a\302\23331m.md"` + "\n"},
		{"evil\u202etxt.md", `--- "a/evil\342\200\256txt.md"` + "\n" + `+++ "b/evil\342\200\256txt.md"` + "\n"},
		{"caf\xe9 ok.md", `--- "a/caf\351 ok.md"` + "\n" + `+++ "b/caf\351 ok.md"` + "\n"},
	}
	for _, tt := range tests {
		got := Unified(tt.path, []byte("x\n"), []byte("y\n"))
		if !strings.HasPrefix(got, tt.header+"@@ ") {
			t.Errorf("Unified(%q) starts\n%s\nwant\n%s", tt.path, got, tt.header)
		}
	}
}

// TestDiffNameAgreesWithPrintable: a diff header quotes a name exactly
// when the other human-readable formats escape it (report.Printable),
// quotes and backslashes aside, which only the diff must quote. The two
// write escapes differently (git's octal is what git apply and patch
// read back), so the test holds them to the same set of characters.
func TestDiffNameAgreesWithPrintable(t *testing.T) {
	check := func(s string) {
		escaped := report.Printable(s) != s
		quoted := strings.HasPrefix(diffName(s), `"`)
		if escaped != quoted {
			t.Errorf("%q: report.Printable escapes it: %v; the diff header quotes it: %v", s, escaped, quoted)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == '"' || r == '\\' || r >= 0xd800 && r < 0xe000 {
			continue
		}
		check(string(r))
	}
	for c := 0x80; c <= 0xff; c++ {
		check(string([]byte{'x', byte(c)}))
	}
}

func TestUnifiedGitApply(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	for _, c := range applyCases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string][2]string{caseFile(c.name, c.file): {c.before, c.after}}
			roundTrip(t, gitRepo(t), files, "git", "apply")
		})
	}
}

func TestUnifiedPatch(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("patch not on PATH")
	}
	for _, c := range applyCases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string][2]string{caseFile(c.name, c.file): {c.before, c.after}}
			roundTrip(t, t.TempDir(), files, "patch", "-p1", "--binary", "--batch", "--silent", "-i")
		})
	}
}

// Random line-level edits catch hunk arithmetic mistakes the golden cases
// miss. All files go into one patch so git runs only twice.
func TestUnifiedGitApplyRandom(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	rng := rand.New(rand.NewSource(1))
	vocab := []string{"a\n", "b\n", "c\n", "the\n", "\n", "x\r\n", "long line here\n"}
	randText := func() string {
		var b strings.Builder
		for range rng.Intn(40) {
			b.WriteString(vocab[rng.Intn(len(vocab))])
		}
		s := b.String()
		if s != "" && rng.Intn(4) == 0 {
			s = s[:len(s)-1] // drop the final newline
		}
		return s
	}
	files := make(map[string][2]string)
	for i := range 200 {
		before := randText()
		// Mutate before so the two usually share long stretches.
		lines := splitLines(before)
		for range rng.Intn(4) {
			switch at := rng.Intn(len(lines) + 1); rng.Intn(3) {
			case 0:
				lines = append(lines[:at], append([]string{vocab[rng.Intn(len(vocab))]}, lines[at:]...)...)
			case 1:
				if at < len(lines) {
					lines = append(lines[:at], lines[at+1:]...)
				}
			case 2:
				if at < len(lines) {
					lines[at] = "changed\n"
				}
			}
		}
		after := strings.Join(lines, "")
		if rng.Intn(5) == 0 {
			after = randText()
		}
		if before == after {
			continue
		}
		files[fmt.Sprintf("f%03d.md", i)] = [2]string{before, after}
	}
	roundTrip(t, gitRepo(t), files, "git", "apply")
}

// Past go-diff's line limit Unified replaces the whole changed middle. The
// diff is bigger but must still apply, and the common head and tail must
// still be context rather than churn.
func TestUnifiedTooManyLines(t *testing.T) {
	before := "keep\n1\n2\n3\nsame\n4\nend\n"
	after := "keep\n1\nTWO\n3\nsame\nFOUR\nend\n"
	want := `--- a/doc.md
+++ b/doc.md
@@ -1,7 +1,7 @@
 keep
 1
-2
-3
-same
-4
+TWO
+3
+same
+FOUR
 end
`
	got := unified("doc.md", []byte(before), []byte(after), 4)
	if got != want {
		t.Fatalf("Unified:\n%s\nwant:\n%s", got, want)
	}
	if _, err := exec.LookPath("git"); err == nil {
		roundTrip(t, gitRepo(t), map[string][2]string{"doc.md": {before, after}}, "git", "apply")
	}
}

func gitRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	run(t, dir, "", "git", "init", "-q")
	return dir
}

// roundTrip writes each file's before text under dir, applies the diffs
// with the given command (the patch file name is appended), and checks
// every file now holds its after text byte for byte.
func roundTrip(t *testing.T, dir string, files map[string][2]string, cmd ...string) {
	t.Helper()
	var patch strings.Builder
	for name, ba := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(ba[0]), 0o644); err != nil {
			t.Fatal(err)
		}
		patch.WriteString(Unified(name, []byte(ba[0]), []byte(ba[1])))
	}
	patchFile := filepath.Join(t.TempDir(), "fix.patch")
	if err := os.WriteFile(patchFile, []byte(patch.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if cmd[0] == "git" {
		run(t, dir, patch.String(), "git", "apply", "--check", patchFile)
	}
	run(t, dir, patch.String(), append(cmd, patchFile)...)
	for name, ba := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if string(got) != ba[1] {
			t.Errorf("%s after %s = %q, want %q\npatch:\n%s", name, cmd[0], got, ba[1], Unified(name, []byte(ba[0]), []byte(ba[1])))
		}
	}
}

func run(t *testing.T, dir, patch string, args ...string) {
	t.Helper()
	c := exec.Command(args[0], args[1:]...)
	c.Dir = dir
	// Keep the user's git config (autocrlf, whitespace=fix) out of it.
	c.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s\npatch:\n%s", strings.Join(args, " "), err, out, patch)
	}
}

// TestWriteUnified: the diff written as it is made is Unified's, and a
// writer that fails makes it fail.
func TestWriteUnified(t *testing.T) {
	before := []byte(strings.Repeat("The council met on Tuesday.\n", 5000))
	after := bytes.Replace(before, []byte("Tuesday"), []byte("Wednesday"), 3)
	var b bytes.Buffer
	if err := WriteUnified(&b, "notes.txt", before, after); err != nil {
		t.Fatal(err)
	}
	if want := Unified("notes.txt", before, after); b.String() != want || want == "" {
		t.Fatalf("written:\n%s\nUnified:\n%s", b.String(), want)
	}
	if err := WriteUnified(failingWriter{}, "notes.txt", before, after); err == nil {
		t.Fatal("no error from a writer that fails")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestLineScriptManyLines diffs texts of more distinct lines than there
// are characters below the surrogate halves, with changes among the
// last: the script gives back both texts, and marks only the changed
// lines.
func TestLineScriptManyLines(t *testing.T) {
	var before, after strings.Builder
	for i := range 60000 {
		fmt.Fprintf(&before, "line %d of the timetable\n", i)
		switch i {
		case 2, 59000, 59990:
			fmt.Fprintf(&after, "line %d of the new timetable\n", i)
		default:
			fmt.Fprintf(&after, "line %d of the timetable\n", i)
		}
	}
	script := lineScript(before.String(), after.String(), maxDistinctLines)
	var a, b strings.Builder
	changed := 0
	for _, l := range script {
		if l.op != '+' {
			a.WriteString(l.text)
		}
		if l.op != '-' {
			b.WriteString(l.text)
		}
		if l.op != ' ' {
			changed++
		}
	}
	if a.String() != before.String() || b.String() != after.String() {
		t.Fatal("the script does not give back both texts")
	}
	if changed != 6 {
		t.Fatalf("%d lines removed or added, want 6 (3 changed)", changed)
	}
}

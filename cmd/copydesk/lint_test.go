package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// A small newsroom: each article has exactly one doubled word.
func newsroom(t *testing.T) {
	t.Helper()
	write(t, "brief.md", "# Ferry timetable\n\nThe ferry to to the island leaves at nine.\n")
	write(t, "news/harbor.txt", "Harbor News\n\nThe new crane arrived on on Monday.\n")
	write(t, "news/2026/lecture.markdown", "The lecture hall was full for for the talk.\n")
	write(t, "news/notes.log", "Not an article extension: the the.\n")
	write(t, "news/notes.rst", "Notes\n=====\n\nreStructuredText: the the.\n")
	write(t, ".git/COMMIT.md", "Skipped skipped the the.\n")
	write(t, ".drafts/hidden.md", "A hidden draft with a a slip.\n")
	write(t, "node_modules/pkg/readme.md", "A package with the the slip.\n")
	write(t, "vendor/lib/readme.txt", "Vendored text with a a slip.\n")
	write(t, "news/vendor/readme.md", "Nested vendor with the the slip.\n")
}

func TestLintPaths(t *testing.T) {
	workdir(t)
	newsroom(t)
	all := []string{"brief.md:3 repeated-word", "news/2026/lecture.markdown:1 repeated-word", "news/harbor.txt:3 repeated-word"}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"default is the current folder", nil, all},
		{"dot", []string{"."}, all},
		{"dot slash", []string{"./"}, all},
		{"a folder, recursive", []string{"news"}, all[1:]},
		{"a nested folder", []string{"news/2026"}, all[1:2]},
		{"files", []string{"news/harbor.txt", "brief.md"}, []string{all[0], all[2]}},
		{"file and its folder counted once", []string{"news", "news/harbor.txt", "./news/harbor.txt"}, all[1:]},
		{"a file with another extension named on the command line", []string{"news/notes.log"}, []string{"news/notes.log:1 repeated-word"}},
		{"a hidden folder named on the command line", []string{".drafts"}, []string{".drafts/hidden.md:1 repeated-word"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"lint", "--format", "json"}, tt.args...)
			r := cli(t, "", args...)
			wantCode(t, r, 1)
			m := decode(t, r)
			if got := m.rulesOf(t); !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics = %v, want %v", got, tt.want)
			}
			if got := intOf(t, m["files"]); got != len(tt.want) {
				t.Errorf("files = %d, want %d", got, len(tt.want))
			}
		})
	}
}

// TestLintRefusedFormat: reStructuredText and AsciiDoc are not read as
// plain text (a heading underline is no separator line): one note names
// the format and the file is skipped.
func TestLintRefusedFormat(t *testing.T) {
	workdir(t)
	newsroom(t)
	write(t, "guide.adoc", "= Guide\n\nAsciiDoc: the the.\n")
	r := cli(t, "", "lint", "--format", "json", "news/notes.rst", "guide.adoc")
	wantCode(t, r, 0)
	if n := len(decode(t, r).diags(t)); n != 0 {
		t.Errorf("%d diagnostics for files that are skipped", n)
	}
	for _, want := range []string{"skipped news/notes.rst: reStructuredText is not read", "skipped guide.adoc: AsciiDoc is not read"} {
		if strings.Count(r.stderr, want) != 1 {
			t.Errorf("stderr should say once %q:\n%s", want, r.stderr)
		}
	}
}

func TestLintPathAsGiven(t *testing.T) {
	dir := workdir(t)
	write(t, "sub/a.md", "One two two three.\n")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"sub/a.md"}, "sub/a.md"},
		{[]string{"sub"}, "sub/a.md"},
		{[]string{dir + "/sub/a.md"}, dir + "/sub/a.md"},
	}
	for _, tt := range tests {
		r := cli(t, "", append([]string{"lint", "--format", "json"}, tt.args...)...)
		wantCode(t, r, 1)
		ds := decode(t, r).diags(t)
		if len(ds) != 1 || ds[0]["path"] != tt.want {
			t.Errorf("lint %v: paths %v, want %q", tt.args, ds, tt.want)
		}
	}
	// From a subfolder, the default folder's files are relative to it.
	t.Chdir("sub")
	r := cli(t, "", "lint", "--format", "json")
	wantCode(t, r, 1)
	if ds := decode(t, r).diags(t); len(ds) != 1 || ds[0]["path"] != "a.md" {
		t.Errorf("lint from sub: %v, want path a.md", ds)
	}
	r = cli(t, "", "lint", "--format", "json", "..")
	wantCode(t, r, 1)
	if ds := decode(t, r).diags(t); len(ds) != 1 || ds[0]["path"] != "../sub/a.md" {
		t.Errorf("lint ..: %v, want path ../sub/a.md", ds)
	}
}

var textLine = regexp.MustCompile(`^(\S+):(\d+):(\d+): (error|warning|info) \[([a-z-]+)\] (.+)$`)

func TestLintTextFormat(t *testing.T) {
	workdir(t)
	write(t, "story.md", "# Fair\n\nThe fair opened on on Saturday.\nIt closed late.   \n")
	write(t, "clean.txt", "Nothing wrong here.\n")
	r := cli(t, "", "lint", "story.md", "clean.txt")
	wantCode(t, r, 1)
	want := "" +
		"story.md:3:17: warning [repeated-word] doubled word \"on\"; remove the second one\n" +
		"    3 | The fair opened on on Saturday.\n" +
		"      |                 ^^^^^\n" +
		"      = fix: Remove the second \"on\"\n" +
		"story.md:4:16: warning [trailing-whitespace] trailing whitespace; remove it\n" +
		"    4 | It closed late.   \n" +
		"      |                ^^^\n" +
		"      = fix: Remove trailing whitespace\n" +
		"\n" +
		"Found 2 problems (2 warnings) in 1 of 2 files.\n" +
		"2 problems are fixable with `copydesk fix`.\n"
	if r.stdout != want {
		t.Errorf("text output:\n%s\nwant:\n%s", r.stdout, want)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}
	// No ANSI colour: stdout is not a terminal.
	mustNotContain(t, "stdout", r.stdout, "\x1b[")
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "story.md:") && !textLine.MatchString(l) {
			t.Errorf("location line %q is not path:line:col: severity [rule] message", l)
		}
	}

	// A clean run says so.
	r = cli(t, "", "lint", "clean.txt")
	wantCode(t, r, 0)
	if r.stdout != "No problems found in 1 file.\n" {
		t.Errorf("clean output %q", r.stdout)
	}
}

// TestLintTextCaretWideCharacters: the caret sits under the range even when
// wide (CJK) characters and curly quotes come before it.
func TestLintTextCaretWideCharacters(t *testing.T) {
	workdir(t)
	write(t, "wide.md", "“港口” 新闻 said the the tide was high.\n")
	r := cli(t, "", "lint", "wide.md")
	wantCode(t, r, 1)
	lines := strings.Split(r.stdout, "\n")
	if len(lines) < 3 {
		t.Fatalf("short output:\n%s", r.stdout)
	}
	// Column 14 in code points: “港口” is 4, a space, 新闻 is 2, a space,
	// "said", a space; the byte column would be 24.
	mustContain(t, "location", lines[0], "wide.md:1:14: warning [repeated-word]")
	src, caret := lines[1], lines[2]
	if !strings.HasPrefix(src, "    1 | ") || !strings.HasPrefix(caret, "      | ") {
		t.Fatalf("unexpected gutter:\n%s\n%s", src, caret)
	}
	// Display cells before "the the": “ 1, 港 2, 口 2, ” 1, space 1, 新 2,
	// 闻 2, space 1, said 4, space 1 = 17.
	if got, want := caret[len("      | "):], strings.Repeat(" ", 17)+"^^^^^^^"; got != want {
		t.Errorf("caret line %q, want %q", got, want)
	}
}

func TestLintLongLineIsWindowed(t *testing.T) {
	workdir(t)
	line := strings.Repeat("calm sea ", 2000) + "the the " + strings.Repeat("wide bay ", 2000)
	write(t, "long.txt", line+"\n")
	r := cli(t, "", "lint", "long.txt")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "long.txt:1:18001: warning [repeated-word]", "…", "^^^^^^^")
	for _, l := range strings.Split(r.stdout, "\n") {
		if n := len([]rune(l)); n > 200 {
			t.Errorf("output line of %d characters; long source lines should be cut", n)
		}
	}
}

func TestLintStatistics(t *testing.T) {
	workdir(t)
	write(t, "a.md", "The the ferry.   \nA a boat.\n\n\n\nEnd.\n")
	write(t, "b.txt", "On on time.\n")
	r := cli(t, "", "lint", "--statistics", ".")
	wantCode(t, r, 1)
	// Most frequent first, then by rule; the fixable marker on each.
	rows := regexp.MustCompile(`(?m)^\s+(\d+)\s+(\S+)\s+(\[\*\])?\s*$`).FindAllStringSubmatch(r.stdout, -1)
	var got []string
	for _, m := range rows {
		got = append(got, m[1]+" "+m[2]+" "+m[3])
	}
	want := []string{"3 repeated-word [*]", "1 blank-lines [*]", "1 trailing-whitespace [*]"}
	if !slices.Equal(got, want) {
		t.Errorf("statistics rows %q, want %q\n%s", got, want, r.stdout)
	}
	// Counts replace the individual diagnostics.
	mustNotContain(t, "statistics", r.stdout, "a.md:1:", " | ")
	mustContain(t, "statistics", r.stdout, "Found 5 problems")
}

func TestLintStdin(t *testing.T) {
	workdir(t)
	r := cli(t, "Tides rose rose fast.\n", "lint", "--stdin-filename", "news/tide.md", "-")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "news/tide.md:1:7: warning [repeated-word]", "Tides rose rose fast.")

	r = cli(t, "Tides rose fast.\n", "lint", "--format", "json", "--stdin-filename", "tide.md", "-")
	wantCode(t, r, 0)
	if ds := decode(t, r).diags(t); len(ds) != 0 {
		t.Errorf("clean stdin: %v", ds)
	}

	// The file name picks the format: Markdown directives work in .md only.
	src := "<!-- copydesk-disable-next-line repeated-word -- a quoted slogan -->\nGo go now.\n"
	r = cli(t, src, "lint", "--format", "json", "--stdin-filename", "slogan.md", "-")
	wantCode(t, r, 0)
	r = cli(t, src, "lint", "--format", "json", "--stdin-filename", "slogan.txt", "-")
	wantCode(t, r, 1)

	// The stdin file name is used for per-path config.
	write(t, ".copydesk.yaml", "overrides:\n  - paths: [\"news/**\"]\n    rules:\n      repeated-word: error\n")
	r = cli(t, "Tides rose rose fast.\n", "lint", "--format", "json", "--stdin-filename", "news/tide.md", "-")
	wantCode(t, r, 1)
	if ds := decode(t, r).diags(t); len(ds) != 1 || ds[0]["severity"] != "error" || ds[0]["path"] != "news/tide.md" {
		t.Errorf("stdin under an override: %v", ds)
	}

	// Stdin together with files.
	write(t, "other.md", "Calm calm water.\n")
	r = cli(t, "Tides rose rose fast.\n", "lint", "--format", "json", "--stdin-filename", "z.md", "other.md", "-")
	wantCode(t, r, 1)
	if got, want := decode(t, r).rulesOf(t), []string{"other.md:1 repeated-word", "z.md:1 repeated-word"}; !slices.Equal(got, want) {
		t.Errorf("stdin with files: %v, want %v", got, want)
	}
}

func TestFailLevel(t *testing.T) {
	workdir(t)
	write(t, "warn.md", "The the ferry.\n")                         // a warning
	write(t, "err.md", "---\ntitle: [unclosed\n---\nCalm water.\n") // a front-matter error
	write(t, "info.md", "The the ferry.\n")                         // made info by config below
	write(t, "clean.md", "Calm water.\n")                           // nothing
	write(t, ".copydesk.yaml", "overrides:\n  - paths: [info.md]\n    rules:\n      repeated-word: info\n")
	tests := []struct {
		file, level string
		want        int
	}{
		{"warn.md", "", 1},
		{"warn.md", "warning", 1},
		{"warn.md", "error", 0},
		{"warn.md", "info", 1},
		{"warn.md", "none", 0},
		{"err.md", "", 1},
		{"err.md", "error", 1},
		{"err.md", "none", 0},
		{"info.md", "", 0},
		{"info.md", "warning", 0},
		{"info.md", "info", 1},
		{"clean.md", "", 0},
		{"clean.md", "info", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.level, func(t *testing.T) {
			args := []string{"lint"}
			if tt.level != "" {
				args = append(args, "--fail-level", tt.level)
			}
			r := cli(t, "", append(args, tt.file)...)
			wantCode(t, r, tt.want)
			if tt.file != "clean.md" && !strings.Contains(r.stdout, "Found 1 problem") {
				t.Errorf("the problem is still reported whatever the fail level:\n%s", r)
			}
		})
	}
}

func TestExitCodeTwoStillLintsTheRest(t *testing.T) {
	workdir(t)
	write(t, "good.md", "Boats boats everywhere.\n")
	r := cli(t, "", "lint", "--format", "json", "missing.md", "good.md", "missing-folder")
	wantCode(t, r, 2)
	m := decode(t, r)
	if got := m.rulesOf(t); !slices.Equal(got, []string{"good.md:1 repeated-word"}) {
		t.Errorf("diagnostics %v", got)
	}
	mustContain(t, "stderr", r.stderr, "missing.md: no such file or folder", "missing-folder: no such file or folder")
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if !strings.HasPrefix(l, "copydesk: ") {
			t.Errorf("stderr line %q lacks the copydesk: prefix", l)
		}
	}
}

// TestDeterministicJSON: the same articles in any order, any number of
// times, give byte-identical output.
func TestDeterministicJSON(t *testing.T) {
	workdir(t)
	names := []string{"a.md", "b.txt", "c/d.md", "c/e.txt", "f.markdown", "g/h/i.md", "z.md", "m.txt"}
	for i, n := range names {
		write(t, n, strings.Repeat("Calm water.\n", i)+"The the ferry sailed.  \n\n\n\nTides\u00a0rose rose.\n")
	}
	first := cli(t, "", "lint", "--format", "json", ".")
	wantCode(t, first, 1)
	// Per file: two doubled words, trailing whitespace, blank lines, nbsp.
	if n := len(decode(t, first).diags(t)); n != 5*len(names) {
		t.Fatalf("want %d diagnostics, got %d", 5*len(names), n)
	}
	for i := range 5 {
		again := cli(t, "", "lint", "--format", "json", ".")
		if again.stdout != first.stdout {
			t.Fatalf("run %d differs from the first", i+2)
		}
	}
	orders := [][]string{
		slices.Clone(names),
		{"z.md", "m.txt", "g/h/i.md", "f.markdown", "c/e.txt", "c/d.md", "b.txt", "a.md"},
		{"c", "g", "z.md", "a.md", "m.txt", "f.markdown", "b.txt"},
		{"g", "./c", "b.txt", "./a.md", "m.txt", "z.md", "f.markdown", "a.md"},
	}
	for _, args := range orders {
		r := cli(t, "", append([]string{"lint", "--format", "json"}, args...)...)
		if r.stdout != first.stdout {
			t.Errorf("lint %v differs from lint .:\n%s", args, r.stdout)
		}
	}
	// Text output is deterministic too.
	t1 := cli(t, "", "lint", "a.md", "z.md", "c")
	t2 := cli(t, "", "lint", "c", "z.md", "a.md")
	if t1.stdout != t2.stdout {
		t.Errorf("text output depends on argument order:\n%s\n---\n%s", t1.stdout, t2.stdout)
	}
}

func TestNoColorWhenNotATerminal(t *testing.T) {
	workdir(t)
	write(t, "a.md", "The the ferry.\n")
	// A regular file as stdout is not a terminal either.
	f, err := os.Create("out.log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var errb strings.Builder
	code := run([]string{"lint", "a.md"}, strings.NewReader(""), f, &errb)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errb.String())
	}
	got := string(mustRead(t, "out.log"))
	mustContain(t, "output", got, "a.md:1:1: warning [repeated-word]")
	mustNotContain(t, "output", got, "\x1b[")
}

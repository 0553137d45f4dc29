package main

import (
	"bufio"
	"bytes"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestBadInputs: each bad input gets a clear one-line message naming the
// file, exit 2, and the good article beside it is still reported.
func TestBadInputs(t *testing.T) {
	tests := []struct {
		name    string
		setup   func(t *testing.T) // creates the bad input
		arg     string             // the path to lint next to good.md
		message []string           // in stdout or stderr
	}{
		{
			name:    "missing path",
			setup:   func(t *testing.T) {},
			arg:     "no-such-article.md",
			message: []string{"no-such-article.md: no such file or folder"},
		},
		{
			name: "folder without articles",
			setup: func(t *testing.T) {
				write(t, "photos/readme.rst", "Only photos here.\n")
				writeBytes(t, "photos/pier.jpg", []byte("\xff\xd8\xff\xe0JFIF"), 0o644)
			},
			arg:     "photos",
			message: []string{"photos: no articles here"},
		},
		{
			name: "empty folder",
			setup: func(t *testing.T) {
				if err := os.Mkdir("empty", 0o755); err != nil {
					t.Fatal(err)
				}
			},
			arg:     "empty",
			message: []string{"empty: no articles here"},
		},
		{
			name: "binary file named .txt",
			setup: func(t *testing.T) {
				writeBytes(t, "image.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"), 0o644)
			},
			arg:     "image.txt",
			message: []string{"image.txt", "binary file"},
		},
		{
			name:    "a folder given where a walk meets a binary file",
			setup:   func(t *testing.T) { writeBytes(t, "mixed/bad.md", []byte("Na\x00ve text.\n"), 0o644) },
			arg:     "mixed",
			message: []string{"mixed/bad.md", "binary file"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			workdir(t)
			write(t, "good.md", "Gulls gulls cried over the pier.\n")
			tt.setup(t)
			for _, format := range []string{"text", "json"} {
				r := cli(t, "", "lint", "--format", format, "good.md", tt.arg)
				wantCode(t, r, 2)
				both := r.stdout + r.stderr
				mustContain(t, format+" output", both, tt.message...)
				if format == "text" {
					mustContain(t, "stdout", r.stdout, "good.md:1:1: warning [repeated-word]")
					// The message is one line.
					for _, l := range strings.Split(both, "\n") {
						if strings.Contains(l, tt.message[0]) && len(l) > 300 {
							t.Errorf("message line too long: %q", l)
						}
					}
					mustNotContain(t, "output", both, "panic", "goroutine")
				} else {
					m := decode(t, r)
					checkContract(t, m)
					if got := m.rulesOf(t); !slices.Equal(got, []string{"good.md:1 repeated-word"}) {
						t.Errorf("diagnostics %v", got)
					}
				}
			}
			// The good file is fixed, the bad input left alone.
			r := cli(t, "", "fix", "good.md", tt.arg)
			wantCode(t, r, 2)
			if got := string(mustRead(t, "good.md")); got != "Gulls cried over the pier.\n" {
				t.Errorf("good.md after fix: %q", got)
			}
		})
	}
}

func TestInvalidUTF8FolderStillReportsGood(t *testing.T) {
	workdir(t)
	write(t, "desk/good.md", "The regatta regatta starts at noon.\n")
	bad := []byte("Se\xf1or Ruiz opened the the caf\xe9.\n")
	writeBytes(t, "desk/legacy.txt", bad, 0o644)
	r := cli(t, "", "lint", "desk")
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "desk/good.md:1:5: warning [repeated-word]",
		"desk/legacy.txt:1:3: error [encoding] not valid UTF-8: byte 0xF1 at line 1, column 3; the file looks like Windows-1252")
	if got := mustRead(t, "desk/legacy.txt"); !bytes.Equal(got, bad) {
		t.Errorf("lint changed the file")
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read anything")
	}
	workdir(t)
	write(t, "good.md", "Gulls gulls cried.\n")
	writeBytes(t, "secret.md", []byte("The the secret.\n"), 0o000)
	t.Cleanup(func() { _ = os.Chmod("secret.md", 0o644) })
	write(t, "locked/inner.md", "Hidden hidden.\n")
	if err := os.Chmod("locked", 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod("locked", 0o755) })
	r := cli(t, "", "lint", ".")
	wantCode(t, r, 2)
	mustContain(t, "output", r.stdout+r.stderr, "secret.md", "permission denied", "locked")
	mustContain(t, "stdout", r.stdout, "good.md:1:1: warning [repeated-word]")
	r = cli(t, "", "fix", ".")
	wantCode(t, r, 2)
	if got := string(mustRead(t, "good.md")); got != "Gulls cried.\n" {
		t.Errorf("good.md not fixed: %q", got)
	}
}

func TestEmptyAndBlankFiles(t *testing.T) {
	workdir(t)
	for _, name := range []string{"empty.md", "empty.txt"} {
		write(t, name, "")
	}
	write(t, "bom-only.md", "\ufeff")
	write(t, "newline.txt", "\n")
	r := cli(t, "", "lint", "--format", "json", ".")
	wantCode(t, r, 0)
	m := decode(t, r)
	if intOf(t, m["files"]) != 4 || len(m.diags(t)) != 0 {
		t.Errorf("files %v, diagnostics %v", m["files"], m.rulesOf(t))
	}
	r = cli(t, "", "fix", ".")
	wantCode(t, r, 0)
	if got := mustRead(t, "empty.md"); len(got) != 0 {
		t.Errorf("fix wrote %q to an empty file", got)
	}
	if got := string(mustRead(t, "bom-only.md")); got != "\ufeff" {
		t.Errorf("fix changed bom-only.md to %q", got)
	}
}

func TestCRLFLint(t *testing.T) {
	workdir(t)
	write(t, "crlf.txt", "Harbor News\r\n\r\nThe pier pier is open.   \r\n\r\n\r\n\r\nEnd.\r\n")
	r := cli(t, "", "lint", "--format", "json", "crlf.txt")
	wantCode(t, r, 1)
	m := decode(t, r)
	got := m.rulesOf(t)
	want := []string{"crlf.txt:3 repeated-word", "crlf.txt:3 trailing-whitespace", "crlf.txt:5 blank-lines"}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics %v, want %v", got, want)
	}
	tw := m.byRule(t, "trailing-whitespace")[0]
	if c, e := intOf(t, tw["column"]), intOf(t, tw["end_column"]); c != 23 || e != 26 {
		t.Errorf("trailing whitespace at columns %d-%d, want 23-26 (the CR is not whitespace to remove)", c, e)
	}
	// The text output shows no stray carriage return.
	r = cli(t, "", "lint", "crlf.txt")
	mustNotContain(t, "text output", r.stdout, "\r")
}

// TestLongLine: a 1 MB line is linted, positioned in code points and fixed
// without losing a byte elsewhere.
func TestLongLine(t *testing.T) {
	workdir(t)
	prefix := strings.Repeat("é calm ", 150_000) // 8 bytes, 7 code points each
	line := prefix + "the the " + strings.Repeat("bay ", 1000) + "end."
	if len(line) < 1<<20 {
		t.Fatalf("line is only %d bytes", len(line))
	}
	write(t, "long.md", line+"\n")
	r := cli(t, "", "lint", "--format", "json", "long.md")
	wantCode(t, r, 1)
	ds := decode(t, r).byRule(t, "repeated-word")
	if len(ds) != 1 {
		t.Fatalf("repeated-word diagnostics: %v", ds)
	}
	if got, want := intOf(t, ds[0]["column"]), 150_000*7+1; got != want {
		t.Errorf("column %d, want %d", got, want)
	}
	if got, want := intOf(t, ds[0]["offset"]), len(prefix); got != want {
		t.Errorf("offset %d, want %d", got, want)
	}
	r = cli(t, "", "fix", "long.md")
	wantCode(t, r, 0)
	if got := string(mustRead(t, "long.md")); got != prefix+"the "+strings.Repeat("bay ", 1000)+"end.\n" {
		t.Errorf("fixed long line differs (len %d, want %d)", len(got), len(line)+1-4)
	}
}

// TestHugeFile: a 50 MB article is linted and its findings reported.
func TestHugeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB file; skipped with -short")
	}
	workdir(t)
	f, err := os.Create("huge.txt")
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	_, _ = w.WriteString("Archive of the harbor\n\nThe the first paragraph.\n\n") // errors surface at Flush
	para := strings.Repeat("Ferries crossed the strait and gulls followed them home. ", 20)
	para = strings.TrimSuffix(para, " ") + "\n\n"
	n := 0
	for n < 50<<20 {
		k, _ := w.WriteString(para)
		n += k
	}
	_, _ = w.WriteString("The last last paragraph.\n")
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	lines := 4 + 2*(n/len(para)) + 1
	r := cli(t, "", "lint", "--format", "json", "huge.txt")
	wantCode(t, r, 1)
	m := decode(t, r)
	got := m.rulesOf(t)
	want := []string{"huge.txt:3 repeated-word", "huge.txt:" + strconv.Itoa(lines) + " repeated-word"}
	if !slices.Equal(got, want) {
		if len(got) > 10 {
			got = append(got[:10], "...")
		}
		t.Errorf("diagnostics %v, want %v", got, want)
	}
}

// A file that is not UTF-8 is an encoding finding with the likely encoding
// and an unsafe fix that converts it; the other rules run once it is UTF-8.
func TestEncodingFinding(t *testing.T) {
	tests := []struct {
		name, file string
		src        []byte
		message    string
		fixed      string
	}{
		{"Windows-1252", "cp1252.txt", []byte("Caf\xe9 opens \x93soon\x94.\nThe the end.\n"),
			"cp1252.txt:1:4: error [encoding] not valid UTF-8: byte 0xE9 at line 1, column 4; the file looks like Windows-1252 (Western European) (sure: ",
			"Café opens “soon”.\nThe end.\n"},
		{"UTF-16", "utf16.md", []byte("\xff\xfeH\x00i\x00 \x00h\x00i\x00 \x00h\x00i\x00\n\x00"),
			"utf16.md:1:1: error [encoding] not valid UTF-8: the file looks like UTF-16 (little-endian, with a byte order mark)",
			"Hi hi hi\n"},
		{"GB18030", "gb.txt", []byte("\xb9\xfe\xb0\xb2\xb2\xa9\xce\xef\xb9\xdd\xd6\xdc\xb6\xfe\xd6\xd8\xd0\xc2\xbf\xaa\xb7\xc5\xa3\xac\xca\xd0\xc3\xf1\xbf\xc9\xd2\xd4\xc3\xe2\xb7\xd1\xb2\xce\xb9\xdb\xa1\xa3\n"),
			"gb.txt:1:1: error [encoding] not valid UTF-8: byte 0xB9 at line 1, column 1; the file looks like GB18030 (Chinese) (sure: ",
			"哈安博物馆周二重新开放，市民可以免费参观。\n"},
		// Five hanzi read as well in EUC-KR: no conversion is offered.
		{"GB18030, too short to tell", "gb-short.txt", []byte("\xb9\xfe\xb0\xb2\xb2\xa9\xce\xef\xb9\xdd\n"),
			"gb-short.txt:1:1: error [encoding] not valid UTF-8: byte 0xB9 at line 1, column 1; the file looks like GB18030 (Chinese) (not sure: ",
			""},
		{"stray byte in UTF-8", "mixed.txt", []byte("“Caf\xe9” opens the the pier.\n"),
			"mixed.txt:1:5: error [encoding] not valid UTF-8: byte 0xE9 at line 1, column 5; the file looks like UTF-8 with stray Windows-1252 bytes",
			"“Café” opens the pier.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			workdir(t)
			writeBytes(t, tt.file, tt.src, 0o644)
			r := cli(t, "", "lint", tt.file)
			wantCode(t, r, 1)
			mustContain(t, "stdout", r.stdout, tt.message)
			r = cli(t, "", "fix", tt.file)
			if got := mustRead(t, tt.file); !bytes.Equal(got, tt.src) {
				t.Errorf("safe fix changed the file to %q", got)
			}
			r = cli(t, "", "fix", "--unsafe", tt.file)
			if tt.fixed == "" {
				wantCode(t, r, 1)
				if got := mustRead(t, tt.file); !bytes.Equal(got, tt.src) {
					t.Errorf("fix --unsafe converted the file to %q", got)
				}
				return
			}
			wantCode(t, r, 0)
			if got := string(mustRead(t, tt.file)); got != tt.fixed {
				t.Errorf("fix --unsafe gives %q, want %q", got, tt.fixed)
			}
		})
	}
}

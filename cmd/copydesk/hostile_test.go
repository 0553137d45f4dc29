//go:build linux || darwin

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHostileInputs runs the real binary on inputs that used to hang it or
// read forever: a FIFO with no writer and /dev/zero, named as an article,
// as --config and in names-files, and a file over max-file-size. Each is
// refused with one line naming it, and the rest of the run goes on.
func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	bin := filepath.Join(t.TempDir(), "copydesk")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = pkgDir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := workdir(t)
	write(t, "good.txt", "The council met on Tuesday the the ferry.\n")
	write(t, "zero-names.yaml", "names-files: [/dev/zero]\n")
	write(t, "small.yaml", "max-file-size: 1 KiB\nrules:\n  date-missing: off\n  title-missing: off\n")
	write(t, "big.txt", strings.Repeat("The council met on Tuesday. ", 100)+"\n")
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	run := func(t *testing.T, args ...string) result {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if ctx.Err() != nil {
			t.Fatalf("copydesk %v blocked for 30 s", args)
		}
		code := 0
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("run %v: %v", args, err)
		}
		return result{stdout: out.String(), stderr: errb.String(), code: code}
	}
	tests := []struct {
		name   string
		args   []string
		stderr string // the one line that says why
		good   bool   // good.txt is still linted
	}{
		{"FIFO as an article", []string{"lint", "pipe.txt", "good.txt"}, "pipe.txt: not a regular file but a named pipe; copydesk reads regular files only", true},
		{"/dev/zero as an article", []string{"lint", "/dev/zero", "good.txt"}, "/dev/zero: not a regular file but a character device", true},
		{"FIFO as --config", []string{"lint", "--config", "pipe.txt", "good.txt"}, "read config: read pipe.txt: not a regular file but a named pipe", false},
		{"/dev/zero as --config", []string{"lint", "--config", "/dev/zero", "good.txt"}, "read config: read /dev/zero: not a regular file but a character device", false},
		{"/dev/zero in names-files", []string{"lint", "--config", "zero-names.yaml", "good.txt"}, "names-files: read /dev/zero: not a regular file but a character device", false},
		{"over max-file-size", []string{"lint", "--config", "small.yaml", "big.txt", "good.txt"}, "file too large: 2.7 KiB, over the limit of 1 KiB (max-file-size in .copydesk.yaml raises it)", true},
		// Last: it fixes good.txt.
		{"FIFO to fix", []string{"fix", "pipe.txt", "good.txt"}, "pipe.txt: not a regular file but a named pipe", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, tt.args...)
			if r.code != 1 && r.code != 2 {
				t.Errorf("exit %d\n%s", r.code, r)
			}
			if !strings.Contains(r.stderr+r.stdout, tt.stderr) {
				t.Errorf("output does not say %q:\n%s", tt.stderr, r)
			}
			if strings.Count(r.stderr+r.stdout, tt.stderr) != 1 {
				t.Errorf("%q said more than once:\n%s", tt.stderr, r)
			}
			if tt.good && !strings.Contains(r.stdout, "good.txt:1:28: warning [repeated-word]") {
				t.Errorf("good.txt not linted:\n%s", r)
			}
		})
	}
}

// TestVerboseSymlink: a folder walk skips symbolic links, and says so once
// each with --verbose, and not at all without it.
func TestVerboseSymlink(t *testing.T) {
	dir := workdir(t)
	write(t, "news/a/ferry.txt", "The ferry runs daily.\n")
	if err := os.Symlink("a/ferry.txt", filepath.Join(dir, "news/link.txt")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	if err := os.Symlink("a", filepath.Join(dir, "news/linkdir")); err != nil {
		t.Fatal(err)
	}
	r := cli(t, "", "lint", "--verbose", "news", "news/a")
	for _, link := range []string{"news/link.txt", "news/linkdir"} {
		msg := "copydesk: skipped " + link + ": a symbolic link; folder walks do not follow links"
		if n := strings.Count(r.stderr, msg); n != 1 {
			t.Errorf("%q said %d times, want once:\n%s", msg, n, r)
		}
	}
	if r = cli(t, "", "lint", "news"); strings.Contains(r.stderr, "skipped") {
		t.Errorf("without --verbose:\n%s", r)
	}
}

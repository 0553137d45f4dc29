package fixers

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestWriteDirs: with Options.Dirs, Write leaves each folder to be synced
// by Dirs.Sync, once, keyed by the paths Write was given (a symlink's
// folder is its target's); a folder that cannot be synced fails every
// file replaced in it with the message Write itself would give.
func TestWriteDirs(t *testing.T) {
	if !canSyncDirs() {
		t.Skip("folders are not synced on this platform")
	}
	root := t.TempDir()
	a, b, c := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "c")
	for _, d := range []string{a, b, c} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{filepath.Join(a, "1.md"), filepath.Join(a, "2.md"), filepath.Join(b, "3.md")}
	for _, p := range files {
		writeFile(t, p, "old\n", 0o644)
	}
	link := filepath.Join(c, "link.md")
	if err := os.Symlink(filepath.Join(a, "1.md"), link); err != nil {
		t.Fatal(err)
	}
	var dirs Dirs
	for i, p := range append(files, link) {
		_, st, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(p, []byte(strings.Repeat("new\n", i+1)), st, Options{Dirs: &dirs}); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][]string{a: {files[0], files[1], link}, b: {files[2]}}
	if !maps.EqualFunc(dirs.paths, want, slices.Equal) {
		t.Fatalf("folders to sync = %v, want %v", dirs.paths, want)
	}

	if err := os.RemoveAll(b); err != nil {
		t.Fatal(err)
	}
	failed := dirs.Sync()
	if len(failed) != 1 || failed[files[2]] == nil {
		t.Fatalf("Sync = %v, want one failure, for %s", failed, files[2])
	}
	err := failed[files[2]]
	if msg := err.Error(); !strings.HasPrefix(msg, "write "+files[2]+": new contents written, but syncing folder "+b+" failed: ") ||
		!errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error = %v", err)
	}
	if len(dirs.paths) != 0 {
		t.Errorf("Sync left %v to sync", dirs.paths)
	}
	if again := dirs.Sync(); again != nil {
		t.Errorf("a second Sync = %v, want nothing left to do", again)
	}
	if got := readString(t, link); got != "new\nnew\nnew\nnew\n" {
		t.Errorf("through the link: %q", got)
	}
}

// TestHashOpen: the checks of Write, which hash the file through a small
// buffer, see the state ReadFile saw, whatever the size of the file
// against the buffer's.
func TestHashOpen(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 70_000, 200_003} {
		for _, bufSize := range []int{1, 4096, size + 1} {
			path := filepath.Join(dir, "f.txt")
			writeFile(t, path, string(bytes.Repeat([]byte("abcdefg\n"), size/8+1)[:size]), 0o644)
			_, want, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := hashState(path, make([]byte, bufSize))
			if err != nil || got != want {
				t.Errorf("size %d, buffer %d: hashState = %+v, %v; ReadFile saw %+v", size, bufSize, got, err, want)
			}
		}
	}
	if _, err := hashState(dir, make([]byte, 16)); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("hashState(folder) = %v, want a refusal", err)
	}
}

// canSyncDirs: syncDir does nothing where folders cannot be synced.
func canSyncDirs() bool { return runtime.GOOS != "windows" && runtime.GOOS != "plan9" }

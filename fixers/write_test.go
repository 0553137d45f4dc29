package fixers

import (
	"crypto/sha256"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func writeFile(t *testing.T, path, data string, perm fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), perm); err != nil {
		t.Fatal(err)
	}
	// WriteFile's mode is filtered by the umask; the tests need it exact.
	if err := os.Chmod(path, perm); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// dirNames lists dir, so tests can see stray temporary files.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.md")
	writeFile(t, path, "hello\n", 0o640)
	data, st, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != "hello\n" || st.Size != 6 || st.Sum != sha256.Sum256([]byte("hello\n")) ||
		!st.ModTime.Equal(info.ModTime()) || st.Mode != info.Mode() {
		t.Errorf("ReadFile = %q, %+v; file is %v %v", data, st, info.Mode(), info.ModTime())
	}

	_, _, err = ReadFile(filepath.Join(dir, "missing.md"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "missing.md") {
		t.Errorf("ReadFile(missing) error = %v, want a not-exist error naming the file", err)
	}
	if _, _, err = ReadFile(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("ReadFile(dir) error = %v, want it to refuse a directory", err)
	}
}

func TestWriteAtomic(t *testing.T) {
	tests := []struct {
		name   string
		perm   fs.FileMode
		before string
		after  string
	}{
		{"mode 0640 preserved", 0o640, "old text\n", "new text\n"},
		{"mode 0600 preserved", 0o600, "a", "b"},
		{"mode 0755 preserved", 0o755, "#!/bin/sh\n", "#!/bin/sh\necho hi\n"},
		{"shrink to empty", 0o644, "something\n", ""},
		{"grow from empty", 0o644, "", "something\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if runtime.GOOS == "windows" && tt.perm != 0o644 {
				t.Skip("Windows has no Unix permission bits")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "article.md")
			writeFile(t, path, tt.before, tt.perm)
			_, st, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := WriteAtomic(path, []byte(tt.after), st); err != nil {
				t.Fatalf("WriteAtomic: %v", err)
			}
			if got := readString(t, path); got != tt.after {
				t.Errorf("contents = %q, want %q", got, tt.after)
			}
			info, err := os.Lstat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !info.Mode().IsRegular() || info.Mode().Perm() != tt.perm {
				t.Errorf("mode = %v, want regular file with %v", info.Mode(), tt.perm)
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"article.md"}) {
				t.Errorf("directory holds %q, want only article.md", names)
			}
		})
	}
}

func TestWriteAtomicRefusesChangedFile(t *testing.T) {
	tests := []struct {
		name   string
		change func(t *testing.T, path string, st FileState)
		want   string // what the file holds afterwards
	}{
		{
			name:   "size changed",
			change: func(t *testing.T, path string, _ FileState) { writeFile(t, path, "edited by hand\n", 0o640) },
			want:   "edited by hand\n",
		},
		{
			// Same length and the old mtime restored: only the hash can tell.
			name: "same size and mtime, different bytes",
			change: func(t *testing.T, path string, st FileState) {
				writeFile(t, path, "ORIGINAL\n", 0o640)
				if err := os.Chtimes(path, st.ModTime, st.ModTime); err != nil {
					t.Fatal(err)
				}
			},
			want: "ORIGINAL\n",
		},
		{
			name: "touched only",
			change: func(t *testing.T, path string, st FileState) {
				later := st.ModTime.Add(time.Hour)
				if err := os.Chtimes(path, later, later); err != nil {
					t.Fatal(err)
				}
			},
			want: "original\n",
		},
		{
			name: "removed",
			change: func(t *testing.T, path string, _ FileState) {
				if err := os.Remove(path); err != nil {
					t.Fatal(err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "article.md")
			writeFile(t, path, "original\n", 0o640)
			_, st, err := ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tt.change(t, path, st)

			err = WriteAtomic(path, []byte("fixed\n"), st)
			if !errors.Is(err, ErrChanged) {
				t.Fatalf("WriteAtomic error = %v, want ErrChanged", err)
			}
			if !strings.HasPrefix(err.Error(), "write "+path+": ") {
				t.Errorf("error %q does not start with %q", err, "write "+path+": ")
			}
			if tt.want == "" {
				if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("WriteAtomic recreated a removed file (stat: %v)", err)
				}
				if names := dirNames(t, dir); len(names) != 0 {
					t.Errorf("directory holds %q, want nothing", names)
				}
				return
			}
			if got := readString(t, path); got != tt.want {
				t.Errorf("file = %q, want it untouched as %q", got, tt.want)
			}
			if names := dirNames(t, dir); !slices.Equal(names, []string{"article.md"}) {
				t.Errorf("directory holds %q, want only article.md", names)
			}
		})
	}
}

// Renaming over a symlink would turn it into a plain file and leave the
// real article unfixed.
func TestWriteAtomicFollowsSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	writeFile(t, real, "before\n", 0o644)
	if err := os.Symlink("real.md", link); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	_, st, err := ReadFile(link)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(link, []byte("after\n"), st); err != nil {
		t.Fatal(err)
	}
	info, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link.md is now %v, want a symlink", info.Mode())
	}
	if got := readString(t, real); got != "after\n" {
		t.Errorf("real.md = %q, want %q", got, "after\n")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"link.md", "real.md"}) {
		t.Errorf("directory holds %q", names)
	}
}

// A file named through a folder that is a symlink is replaced in the
// folder the link names; the link stays a link, and nothing is left over.
func TestWriteThroughLinkedFolder(t *testing.T) {
	root := t.TempDir()
	realDir := filepath.Join(root, "archive")
	if err := os.Mkdir(realDir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(realDir, "a.md"), "before\n", 0o644)
	linked := filepath.Join(root, "news")
	if err := os.Symlink("archive", linked); err != nil {
		t.Skipf("cannot make symlinks here: %v", err)
	}
	path := filepath.Join(linked, "a.md")
	_, st, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var dirs Dirs
	if err := Write(path, []byte("after\n"), st, Options{Dirs: &dirs}); err != nil {
		t.Fatal(err)
	}
	if failed := dirs.Sync(); failed != nil {
		t.Fatal(failed)
	}
	if info, err := os.Lstat(linked); err != nil || info.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("news is now %v (%v), want a symlink", info, err)
	}
	if got := readString(t, filepath.Join(realDir, "a.md")); got != "after\n" {
		t.Errorf("archive/a.md = %q, want %q", got, "after\n")
	}
	if names := dirNames(t, realDir); !slices.Equal(names, []string{"a.md"}) {
		t.Errorf("archive holds %q", names)
	}
}

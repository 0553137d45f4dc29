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

// TestReadState: the reads of ReadFile and of Write's checks (the
// latter through a buffer of any size against the file's) see the state
// the os package sees, special mode bits included.
func TestReadState(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 4095, 4096, 4097, 70_000, 200_003} {
		for _, mode := range []fs.FileMode{0o644, 0o600 | fs.ModeSetgid, 0o755 | fs.ModeSetuid, 0o777 | fs.ModeSticky} {
			path := filepath.Join(dir, "f.txt")
			text := bytes.Repeat([]byte("abcdefg\n"), size/8+1)[:size]
			if err := os.WriteFile(path, text, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(path, mode); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			_, want, err := readOpen(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			if want.Mode&^fs.ModePerm != mode&^fs.ModePerm && mode&^fs.ModePerm != 0 {
				continue // a special bit this user may not set
			}
			data, got, err := readState(path)
			if err != nil || got != want || !bytes.Equal(data, text) {
				t.Errorf("size %d, mode %v: readState = %d bytes, %+v, %v; os sees %+v", size, mode, len(data), got, err, want)
			}
			for _, bufSize := range []int{1 + size/1000, 4096, size + 1} {
				got, err := hashState(path, make([]byte, bufSize))
				if err != nil || got != want {
					t.Errorf("size %d, mode %v, buffer %d: hashState = %+v, %v; os sees %+v", size, mode, bufSize, got, err, want)
				}
			}
		}
	}
	for _, read := range []func(string) error{
		func(p string) error { _, _, err := readState(p); return err },
		func(p string) error { _, err := hashState(p, nil); return err },
	} {
		if err := read(dir); err == nil || err.Error() != "not a regular file (d---------)" {
			t.Errorf("reading a folder: %v, want a refusal", err)
		}
		if err := read(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) || err.Error() != "open "+filepath.Join(dir, "missing")+": no such file or directory" {
			t.Errorf("reading a missing file: %v", err)
		}
	}
}

// TestWriteDirsOldVersions: with Options.Dirs, the old version a swap
// takes out stays under its temporary name until Dirs.Sync removes it,
// after the last new file of the run is made; Sync removes only what the
// swap put there, and a name already gone is no failure.
func TestWriteDirsOldVersions(t *testing.T) {
	if !canExchange(t) {
		t.Skip("no atomic exchange here: the old version is replaced, not swapped out")
	}
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md"), filepath.Join(dir, "c.md")}
	for _, p := range files {
		writeFile(t, p, "old "+filepath.Base(p)+"\n", 0o644)
	}
	var dirs Dirs
	for _, p := range files {
		_, st, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := Write(p, []byte("new\n"), st, Options{Dirs: &dirs}); err != nil {
			t.Fatal(err)
		}
	}
	var olds []string
	for _, name := range dirNames(t, dir) {
		if strings.HasPrefix(name, ".copydesk-") {
			olds = append(olds, filepath.Join(dir, name))
		}
	}
	if len(olds) != len(files) {
		t.Fatalf("before Sync the folder holds %q, want the three files and their old versions", dirNames(t, dir))
	}
	var texts []string
	for _, p := range olds {
		texts = append(texts, readString(t, p))
	}
	slices.Sort(texts)
	if want := []string{"old a.md\n", "old b.md\n", "old c.md\n"}; !slices.Equal(texts, want) {
		t.Errorf("old versions hold %q, want %q", texts, want)
	}
	// Someone removes one old version and puts a file of theirs under
	// another's name: neither is a failure, and theirs stays.
	if err := os.Remove(olds[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(olds[1]); err != nil {
		t.Fatal(err)
	}
	writeFile(t, olds[1], "someone else's\n", 0o644)
	if failed := dirs.Sync(); failed != nil {
		t.Fatalf("Sync = %v", failed)
	}
	want := []string{filepath.Base(olds[1]), "a.md", "b.md", "c.md"}
	slices.Sort(want)
	if got := dirNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("after Sync the folder holds %q, want %q", got, want)
	}
	for _, p := range files {
		if got := readString(t, p); got != "new\n" {
			t.Errorf("%s = %q", p, got)
		}
	}
}

// canSyncDirs: syncDir does nothing where folders cannot be synced.
func canSyncDirs() bool { return runtime.GOOS != "windows" && runtime.GOOS != "plan9" }

// canExchange: the folders of t.TempDir can swap two names atomically.
func canExchange(t *testing.T) bool {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	writeFile(t, a, "a", 0o644)
	writeFile(t, b, "b", 0o644)
	ok, err := exchange(a, b)
	return ok && err == nil
}

// TestPrepareSyncAllPlace: files prepared, synced together and placed end
// as Write leaves them; one changed between Prepare and Place is refused
// and one abandoned stays as it was, with no temporary file left.
func TestPrepareSyncAllPlace(t *testing.T) {
	root := t.TempDir()
	a, b := filepath.Join(root, "a"), filepath.Join(root, "b")
	for _, d := range []string{a, b} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	files := []string{filepath.Join(a, "1.md"), filepath.Join(a, "2.md"), filepath.Join(b, "3.md"), filepath.Join(b, "4.md")}
	modes := []fs.FileMode{0o644, 0o600, 0o664, 0o640}
	var ps []*Pending
	for i, p := range files {
		writeFile(t, p, "old\n", modes[i])
		_, st, err := ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pend, err := Prepare(p, []byte(strings.Repeat("new\n", i+1)), st)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, pend)
	}
	// 2.md is edited after it was prepared; 4.md is not to be written.
	writeFile(t, files[1], "edited\n", 0o600)
	ps[3].Abandon()
	if errs := SyncAll(append([]*Pending{nil}, ps[:3]...)); slices.ContainsFunc(errs, func(err error) bool { return err != nil }) {
		t.Fatalf("SyncAll = %v", errs)
	}
	var dirs Dirs
	for i, p := range ps[:3] {
		err := p.Place(Options{Dirs: &dirs})
		if i == 1 {
			if !errors.Is(err, ErrChanged) || !strings.HasPrefix(err.Error(), "write "+files[1]+": ") {
				t.Errorf("placing the edited file: %v, want ErrChanged naming it", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if failed := dirs.Sync(); failed != nil {
		t.Fatal(failed)
	}
	want := []string{"new\n", "edited\n", "new\nnew\nnew\n", "old\n"}
	for i, p := range files {
		if got := readString(t, p); got != want[i] {
			t.Errorf("%s = %q, want %q", p, got, want[i])
		}
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != modes[i] {
			t.Errorf("%s: mode %v, want %v", p, info.Mode().Perm(), modes[i])
		}
	}
	for _, d := range []string{a, b} {
		for _, name := range dirNames(t, d) {
			if strings.HasPrefix(name, ".copydesk-") {
				t.Errorf("%s left in %s", name, d)
			}
		}
	}
}

package fixers

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// A failure after the temporary file exists must remove it. A read-only
// directory cannot force that (the temp file could not be created), so
// make the write itself fail: RLIMIT_FSIZE turns a large write into EFBIG.
func TestWriteAtomicCleansUpAfterFailedWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "article.md")
	writeFile(t, path, "small\n", 0o644)
	_, st, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	err = withFileSizeLimit(t, 1024, func() error {
		return WriteAtomic(path, make([]byte, 1<<20), st)
	})
	if err == nil || errors.Is(err, ErrChanged) || !strings.HasPrefix(err.Error(), "write "+path+": ") {
		t.Fatalf("WriteAtomic error = %v, want a write failure naming the file", err)
	}
	if got := readString(t, path); got != "small\n" {
		t.Errorf("file = %q, want it untouched", got)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"article.md"}) {
		t.Errorf("directory holds %q, want only article.md", names)
	}
}

// withFileSizeLimit runs f with the process's maximum file size lowered.
// Writing past the limit raises SIGXFSZ, which the Go runtime ignores, so
// the write fails with EFBIG instead of killing the test binary.
func withFileSizeLimit(t *testing.T, limit uint64, f func() error) error {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	lowered := syscall.Rlimit{Cur: limit, Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lowered); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	defer func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
			t.Fatalf("restoring RLIMIT_FSIZE: %v", err)
		}
	}()
	return f()
}

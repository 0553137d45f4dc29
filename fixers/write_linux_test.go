package fixers

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// fileSizeChildEnv marks the re-executed test binary that runs with a
// lowered RLIMIT_FSIZE. The limit is process-wide: set in the main test
// binary it also breaks the test framework's own log writes (seen in CI as
// "testlog.txt: file too large"), so only a child process lowers it.
const fileSizeChildEnv = "COPYDESK_FIXERS_FSIZE_CHILD"

// A failure after the temporary file exists must remove it. A read-only
// directory cannot force that (the temp file could not be created), so
// make the write itself fail: RLIMIT_FSIZE turns a large write into EFBIG.
func TestWriteAtomicCleansUpAfterFailedWrite(t *testing.T) {
	if dir := os.Getenv(fileSizeChildEnv); dir != "" {
		writeUnderFileSizeLimit(t, dir)
		return
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "article.md")
	writeFile(t, path, "small\n", 0o644)

	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteAtomicCleansUpAfterFailedWrite$", "-test.v")
	cmd.Env = append(os.Environ(), fileSizeChildEnv+"="+dir)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child test failed: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "SKIP") {
		t.Skipf("child could not lower the file size limit:\n%s", out)
	}
	if got := readString(t, path); got != "small\n" {
		t.Errorf("file = %q, want it untouched", got)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"article.md"}) {
		t.Errorf("directory holds %q, want only article.md", names)
	}
}

// writeUnderFileSizeLimit is the child's half: it lowers the limit for the
// rest of its short life and checks the error WriteAtomic returns. Writing
// past the limit raises SIGXFSZ, which the Go runtime ignores, so the write
// fails with EFBIG instead of killing the process.
func writeUnderFileSizeLimit(t *testing.T, dir string) {
	path := filepath.Join(dir, "article.md")
	_, st, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	lowered := syscall.Rlimit{Cur: 1024, Max: old.Max}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lowered); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	err = WriteAtomic(path, make([]byte, 1<<20), st)
	if err == nil || errors.Is(err, ErrChanged) || !strings.HasPrefix(err.Error(), "write "+path+": ") {
		t.Fatalf("WriteAtomic error = %v, want a write failure naming the file", err)
	}
}

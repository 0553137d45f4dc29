package read

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// readFile must answer as os.ReadFile does: the same bytes, and errors
// that readError words the same way.
func TestReadFileLikeOS(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt": nil,
		"small.md":  []byte("# Title\n\nBody.\n"),
		"large.txt": bytes.Repeat([]byte("The Museum opened a gallery. "), 40000),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readFile(filepath.Join(dir, name), DefaultMaxFileSize)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s: %d bytes, %v; want %d bytes", name, len(got), err, len(data))
		}
	}
	for _, tc := range []struct {
		path string
		is   error
		op   string
	}{
		{filepath.Join(dir, "missing.md"), fs.ErrNotExist, "open"},
		{dir, ErrNotRegular, "read"},
		{"/dev/zero", ErrNotRegular, "read"},
		{filepath.Join(dir, "large.txt"), ErrTooLarge, "read"},
	} {
		if _, err := os.Stat(tc.path); !errors.Is(tc.is, fs.ErrNotExist) && err != nil {
			continue // no /dev/zero here
		}
		_, err := readFile(tc.path, 1<<20)
		var pe *os.PathError
		if !errors.As(err, &pe) || pe.Op != tc.op || pe.Path != tc.path || !errors.Is(err, tc.is) {
			t.Errorf("readFile(%s) = %v, want a %s error that is %v", tc.path, err, tc.op, tc.is)
		}
		if errors.Is(tc.is, fs.ErrNotExist) {
			_, osErr := os.ReadFile(tc.path)
			if got, want := Explain(err).Error(), Explain(osErr).Error(); got != want {
				t.Errorf("readError says %q, for os.ReadFile %q", got, want)
			}
		}
	}
}

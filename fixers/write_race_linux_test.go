package fixers

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// An edit saved after the last check and before the swap is the case
// issue 15 measured losing 36 % of racing edits. Write must keep the edit
// and report the file as changed, for both ways of writing: a file with
// one name (swapped, then swapped back) and one with two (in place).
func TestWriteKeepsEditSavedBeforeSwap(t *testing.T) {
	saves := map[string]func(t *testing.T, path string){
		// Editors that write a copy and rename it into place.
		"rename": func(t *testing.T, path string) {
			tmp := filepath.Join(filepath.Dir(path), "editor-tmp")
			writeFile(t, tmp, "edited by hand\n", 0o644)
			if err := os.Rename(tmp, path); err != nil {
				t.Fatal(err)
			}
		},
		// Editors that overwrite the file itself.
		"in place": func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("edited by hand\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		},
	}
	for _, links := range []int{1, 2} {
		for name, save := range saves {
			if links == 2 && name == "in place" {
				// Not covered: a file with two names is rewritten in
				// place, and an in-place save in the moment between the
				// last check and the write is overwritten. The README
				// says so.
				continue
			}
			t.Run(name+" "+strings.Repeat("link ", links), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "article.md")
				writeFile(t, path, "the the original\n", 0o644)
				want := []string{"article.md"}
				if links == 2 {
					if err := os.Link(path, filepath.Join(dir, "other.md")); err != nil {
						t.Skip(err)
					}
					want = append(want, "other.md")
				}
				_, st, err := ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				err = Write(path, []byte("the original\n"), st, Options{BeforeSwap: func() { save(t, path) }})
				if !errors.Is(err, ErrChanged) {
					t.Fatalf("Write error = %v, want ErrChanged", err)
				}
				if got := readString(t, path); got != "edited by hand\n" {
					t.Errorf("file = %q, want the edit kept", got)
				}
				if names := dirNames(t, dir); !slices.Equal(names, want) {
					t.Errorf("directory holds %q, want %q", names, want)
				}
			})
		}
	}
}

// A file with two names is rewritten in place: both names see the new
// text, and the backup copy is gone once the new text is synced.
func TestWriteHardLinkInPlace(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	writeFile(t, a, "old text that is longer\n", 0o640)
	if err := os.Link(a, b); err != nil {
		t.Skip(err)
	}
	_, st, err := ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(a, []byte("new\n"), st, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := readString(t, b); got != "new\n" {
		t.Errorf("other name = %q", got)
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"a.md", "b.md"}) {
		t.Errorf("directory holds %q", names)
	}
}

func TestWriteRefusesReadOnly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	writeFile(t, path, "x x\n", 0o444)
	_, st, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	err = Write(path, []byte("x\n"), st, Options{})
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "0444") {
		t.Fatalf("Write error = %v, want ErrReadOnly naming the mode", err)
	}
	if got := readString(t, path); got != "x x\n" {
		t.Errorf("file = %q", got)
	}
}

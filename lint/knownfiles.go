package lint

import (
	"path"
	"strings"
)

// KnownFiles is what the command found on disk under the folders it
// walked. Paths are cleaned and slash-separated, in the form of
// Input.Path (relative to the current folder, or absolute).
type KnownFiles struct {
	Roots []string        // folders walked completely
	Files map[string]bool // every regular file under Roots
}

// Covers reports whether p lies under a walked folder, where a file that
// is not listed does not exist.
func (k *KnownFiles) Covers(p string) bool {
	if k == nil {
		return false
	}
	for _, r := range k.Roots {
		switch {
		case r == "." && !path.IsAbs(p) && p != ".." && !strings.HasPrefix(p, "../"):
			return true
		case p == r || strings.HasPrefix(p, r+"/") || r == "/" && path.IsAbs(p):
			return true
		}
	}
	return false
}

// Has reports whether the file p was found.
func (k *KnownFiles) Has(p string) bool { return k != nil && k.Files[p] }

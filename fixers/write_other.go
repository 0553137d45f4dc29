//go:build !linux

package fixers

import (
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
)

func openNonblock(path string) (*os.File, error) { return os.Open(path) }

// readState reads path and describes it.
func readState(path string) ([]byte, FileState, error) {
	f, err := openNonblock(path)
	if err != nil {
		return nil, FileState{}, err
	}
	defer f.Close()
	return readOpen(f)
}

// hashState is readState for the checks of Write, which need the sum of
// the contents but not the contents: they pass through buf.
func hashState(path string, buf []byte) (FileState, error) {
	f, err := openNonblock(path)
	if err != nil {
		return FileState{}, err
	}
	defer f.Close()
	return hashOpen(f, buf)
}

// fillIdentity knows no inode or link count here: every file is replaced.
func fillIdentity(st *FileState, _ fs.FileInfo) { st.Nlink = 1 }

const specialBits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// copyMetadata keeps the mode only; owner and extended attributes are
// not carried over on this platform (the README says so).
func copyMetadata(_, tmp *os.File, was FileState) error {
	if err := tmp.Chmod(was.Mode & specialBits); err != nil {
		return fmt.Errorf("%w: mode: %w; not fixed", ErrMetadata, err)
	}
	return nil
}

// exchange is not available: Write falls back to check-then-rename.
func exchange(_, _ string) (bool, error) { return false, nil }

func restoreMode(f *os.File, mode fs.FileMode) error { return f.Chmod(mode & specialBits) }

// Identity is unknown on this platform; callers compare paths instead.
func Identity(fs.FileInfo) (dev, ino uint64, ok bool) { return 0, 0, false }

func canKeepSpecialBits(FileState) error { return nil }

// hashOpen is readOpen keeping only the sum of the contents.
func hashOpen(f *os.File, buf []byte) (FileState, error) {
	info, err := regular(f)
	if err != nil {
		return FileState{}, err
	}
	h := sha256.New()
	var size int64
	for {
		n, err := f.ReadAt(buf, size)
		h.Write(buf[:n])
		size += int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return FileState{}, err
		}
	}
	var sum [32]byte
	h.Sum(sum[:0])
	return describe(f, info, size, sum)
}

// syncAll is SyncAll: each file's own sync.
func syncAll(ps []*Pending) []error {
	errs := make([]error, len(ps))
	for i, p := range ps {
		if p != nil {
			errs[i] = p.Sync()
		}
	}
	return errs
}

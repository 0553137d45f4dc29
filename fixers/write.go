package fixers

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"time"
)

// ErrChanged reports that a file was modified by someone else between
// ReadFile and WriteAtomic, so writing would lose their changes.
var ErrChanged = errors.New("file changed on disk since it was read")

// FileState is what ReadFile saw, so WriteAtomic can tell whether the file
// is still the one the fixes were computed for.
type FileState struct {
	Mode    fs.FileMode
	ModTime time.Time
	Size    int64
	Sum     [32]byte // SHA-256 of the contents
}

// ReadFile reads a regular file and records its state for WriteAtomic.
func ReadFile(path string) ([]byte, FileState, error) {
	data, st, err := readState(path)
	if err != nil {
		return nil, FileState{}, fmt.Errorf("read %s: %w", path, err)
	}
	return data, st, nil
}

// readState reads path and describes it. Its errors do not name the file;
// the callers add the verb and the name.
func readState(path string) ([]byte, FileState, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, FileState{}, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, FileState{}, err
	}
	if !info.Mode().IsRegular() {
		// Reading a FIFO could block forever, and renaming over a device
		// or directory would be destructive.
		return nil, FileState{}, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, FileState{}, err
	}
	// A writer racing with our read could leave data matching neither
	// version; compare with a fresh stat so the state describes data.
	after, err := f.Stat()
	if err != nil {
		return nil, FileState{}, err
	}
	if after.Size() != int64(len(data)) || !after.ModTime().Equal(info.ModTime()) {
		return nil, FileState{}, fmt.Errorf("%w (something wrote to it during the read)", ErrChanged)
	}
	return data, FileState{
		Mode:    info.Mode(),
		ModTime: info.ModTime(),
		Size:    int64(len(data)),
		Sum:     sha256.Sum256(data),
	}, nil
}

// WriteAtomic replaces the file at path with data, provided it still
// matches was. Readers see either the old or the new contents, never a
// mix, and a crash leaves one of the two on disk: the data goes to a
// temporary file in the same directory (so the rename cannot cross
// filesystems), is synced, and is renamed over the original.
//
// If path is a symbolic link, the file it points to is replaced and the
// link is kept. The permission bits of was are applied to the new file;
// its owner is whoever runs copydesk.
//
// If the file no longer matches was, WriteAtomic leaves it alone and
// returns an error wrapping ErrChanged. No temporary file survives any
// failure.
func WriteAtomic(path string, data []byte, was FileState) (err error) {
	defer func() {
		if err != nil {
			err = fmt.Errorf("write %s: %w", path, err)
		}
	}()

	// Renaming over a symlink would replace the link with a plain file.
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w (it has been removed)", ErrChanged)
		}
		return err
	}
	if err := unchanged(target, was); err != nil {
		return err
	}

	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".copydesk-*")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	renamed := false
	defer func() {
		if !renamed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("write temporary file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("sync temporary file: %w", err)
	}
	if err := tmp.Chmod(was.Mode.Perm()); err != nil {
		return fmt.Errorf("set permissions on temporary file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("close temporary file: %w", err)
	}

	// Check again as late as possible: writing may have taken a while and
	// an editor may have saved meanwhile. A window remains between this
	// check and the rename; closing it would need locks editors ignore.
	if err := unchanged(target, was); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("replace file: %w", err)
	}
	renamed = true

	// The rename is only durable once the directory entry is on disk.
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("new contents written, but syncing directory %s failed: %w", dir, err)
	}
	return nil
}

// unchanged returns an error wrapping ErrChanged if the file at path no
// longer matches was.
func unchanged(path string, was FileState) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w (it has been removed)", ErrChanged)
	}
	if err != nil {
		return err
	}
	switch {
	case info.Size() != was.Size:
		return fmt.Errorf("%w (its size went from %d to %d bytes)", ErrChanged, was.Size, info.Size())
	case !info.ModTime().Equal(was.ModTime):
		return fmt.Errorf("%w (it was modified at %s)", ErrChanged, info.ModTime().Format(time.RFC3339))
	}
	// Size and mtime can both match after a quick same-length edit on a
	// filesystem with coarse timestamps, so the contents decide.
	_, now, err := readState(path)
	if err != nil {
		return err
	}
	if now.Sum != was.Sum {
		return fmt.Errorf("%w (its contents differ)", ErrChanged)
	}
	return nil
}

// syncDir flushes the directory entry of a rename. Some platforms cannot
// open or sync a directory; there the rename is as durable as it gets.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil &&
		!errors.Is(err, errors.ErrUnsupported) && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}

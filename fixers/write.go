package fixers

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
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
// ReadFile and Write, so writing would lose their changes.
var ErrChanged = errors.New("file changed on disk since it was read")

// ErrReadOnly reports a file whose permissions allow nobody to write it.
// copydesk runs as root in many containers, where the kernel would let it
// replace such a file anyway; the mode says the owner wants it left alone.
var ErrReadOnly = errors.New("read-only file")

// ErrMetadata reports a file whose ownership, special mode bits or
// extended attributes could not be carried over to the fixed version.
var ErrMetadata = errors.New("cannot keep the file's metadata")

// FileState is what ReadFile saw, so Write can tell whether the file is
// still the one the fixes were computed for, and give the new version the
// same metadata.
type FileState struct {
	Mode    fs.FileMode // permission and special bits (setuid, setgid, sticky) included
	ModTime time.Time
	Size    int64
	Sum     [32]byte // SHA-256 of the contents

	// Identity and ownership; zero where the platform has no such notion.
	Dev, Ino uint64
	Nlink    uint64
	UID, GID int
	known    bool // Dev, Ino, Nlink, UID and GID were read from the file
}

// ReadFile reads a regular file and records its state for Write.
func ReadFile(path string) ([]byte, FileState, error) {
	data, st, err := readState(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, FileState{}, err // names the file already
		}
		return nil, FileState{}, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return data, st, nil
}

// readOpen reads an open file from its start and describes it.
func readOpen(f *os.File) ([]byte, FileState, error) {
	info, err := regular(f)
	if err != nil {
		return nil, FileState{}, err
	}
	data := make([]byte, 0, info.Size()+1)
	for {
		n, err := f.ReadAt(data[len(data):cap(data)], int64(len(data)))
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, FileState{}, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
	st, err := describe(f, info, int64(len(data)), sha256.Sum256(data))
	if err != nil {
		return nil, FileState{}, err
	}
	return data, st, nil
}

// statOpen describes f as readOpen does, without its contents' sum.
func statOpen(f *os.File) (FileState, error) {
	info, err := regular(f)
	if err != nil {
		return FileState{}, err
	}
	st := FileState{Mode: info.Mode(), ModTime: info.ModTime(), Size: info.Size()}
	fillIdentity(&st, info)
	return st, nil
}

// regular returns what fstat says of f, or an error if it is not a
// regular file: reading a FIFO could block forever, and renaming over a
// device or directory would be destructive.
func regular(f *os.File) (fs.FileInfo, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", info.Mode().Type())
	}
	return info, nil
}

// describe is the state of f, read as size bytes summing to sum, given
// what fstat said before the read. A writer racing with the read could
// leave bytes matching neither version; a fresh stat tells, so that the
// state describes what was read.
func describe(f *os.File, info fs.FileInfo, size int64, sum [32]byte) (FileState, error) {
	after, err := f.Stat()
	if err != nil {
		return FileState{}, err
	}
	if after.Size() != size || !after.ModTime().Equal(info.ModTime()) {
		return FileState{}, fmt.Errorf("%w (something wrote to it during the read)", ErrChanged)
	}
	st := FileState{Mode: info.Mode(), ModTime: info.ModTime(), Size: size, Sum: sum}
	fillIdentity(&st, info)
	return st, nil
}

// Options adjust Write. The zero value is what the fix command uses.
type Options struct {
	// BeforeSwap, if set, runs after the last check that the file is
	// unchanged and just before the new version takes its place: tests
	// use it to edit the file at the worst possible moment.
	BeforeSwap func()
	// Dirs, if set, collects the folder of each file replaced instead of
	// syncing it there and then, and the old version swapped out instead
	// of removing it; the caller removes them and syncs each folder once
	// with Dirs.Sync after its last write, and a write is durable only
	// then.
	Dirs *Dirs
	// Scratch, if at least 4 KiB, is the space the checks read the file
	// through (they keep only its sum); a caller writing many files, one
	// at a time on each goroutine, saves an allocation a file.
	Scratch []byte
}

// WriteAtomic is Write with default options.
func WriteAtomic(path string, data []byte, was FileState) error {
	return Write(path, data, was, Options{})
}

// Write replaces the contents of the file at path with data, provided the
// file still holds what was describes. Readers see either the old or the
// new contents, never a mix, and a crash at any moment leaves a complete
// version on disk (see README: "What fix promises").
//
// A file with one name is replaced: the data goes to a temporary file in
// the same folder (a short name, so that a 250-byte file name still
// fits), which gets the original's owner, group, mode bits (setuid,
// setgid and sticky included) and extended attributes (ACLs and SELinux
// labels live there), is synced, and is swapped with the original. On
// Linux the swap is one renameat2(RENAME_EXCHANGE), after which what was
// swapped out is compared with what was read; an edit saved in between is
// swapped back and reported as ErrChanged. Elsewhere the last check is
// made just before a plain rename.
//
// A file with several hard links, or whose owner copydesk may not give to
// a new file, is rewritten in place, so that every name and the owner
// keep seeing it; a synced backup copy of the old text stays beside it
// until the new text is synced.
//
// A symbolic link is followed: the file it points to is fixed and the link
// is kept. A file nobody may write is refused with ErrReadOnly; metadata
// that cannot be copied leaves the file unfixed with ErrMetadata. No
// temporary file survives any failure.
func Write(path string, data []byte, was FileState, opt Options) error {
	p, err := Prepare(path, data, was)
	if err != nil {
		return err
	}
	if err := p.Sync(); err != nil {
		p.Abandon()
		return err
	}
	return p.Place(opt)
}

// A Pending is a file whose new text Prepare has written, with the file's
// metadata, to a temporary file beside it, not yet synced (Sync, or
// SyncAll for many) nor put in the file's place (Place). Write is the
// three in a row; a caller replacing many files prepares them all, syncs
// them in one go, then places each. Every Pending must be placed or
// abandoned (Abandon), or its temporary file stays.
type Pending struct {
	path, target, dir string
	data              []byte
	now               FileState // the file as Prepare found it, with the sum of what was read
	tmp               *os.File  // nil: the file is rewritten in place by Place
}

// Prepare makes the checks of Write and writes data to a temporary file
// that has the metadata of the file at path. Its error, like those of the
// Pending's methods, is what Write would return.
func Prepare(path string, data []byte, was FileState) (p *Pending, err error) {
	defer func() {
		if err != nil {
			err = writeError(path, err)
		}
	}()

	// Renaming over a symlink would replace the link with a plain file,
	// so a link is followed to its file. A folder on the way that is a link
	// needs nothing: the file is replaced in the folder the link names.
	target := path
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, err = filepath.EvalSymlinks(path)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w (it has been removed)", ErrChanged)
		}
		return nil, err
	}
	f, err := openNonblock(target)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w (it has been removed)", ErrChanged)
		}
		return nil, err
	}
	defer f.Close()
	// The contents are compared as late as possible, just before the new
	// version takes the file's place (or is written into it); here the
	// file's identity, size and time say whether to go on.
	now, err := statOpen(f)
	if err != nil {
		return nil, err
	}
	now.Sum = was.Sum
	if err := same(was, now); err != nil {
		return nil, err
	}
	if now.Mode.Perm()&0o222 == 0 {
		return nil, fmt.Errorf("%w (mode %04o): not fixed; make it writable to let fix change it", ErrReadOnly, now.Mode.Perm())
	}
	p = &Pending{path: path, target: target, dir: filepath.Dir(target), data: data, now: now}
	if now.Nlink > 1 {
		return p, nil
	}
	p.tmp, err = writeTemp(f, p.dir, data, now)
	if errors.Is(err, errOwner) {
		// Only root may give a new file to someone else. Rewriting the
		// original keeps its owner, its inode and everything attached.
		return p, nil
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Sync makes the temporary file durable, so that a crash after the swap
// cannot leave a short file under the name.
func (p *Pending) Sync() error {
	if p.tmp == nil {
		return nil
	}
	if err := p.tmp.Sync(); err != nil {
		return writeError(p.path, fmt.Errorf("sync temporary file: %w", err))
	}
	return nil
}

// Abandon removes the temporary file of a Pending that is not to be
// placed.
func (p *Pending) Abandon() {
	if p.tmp != nil {
		p.tmp.Close()
		os.Remove(p.tmp.Name())
		p.tmp = nil
	}
}

// Place puts the synced new text in the file's place, if the file still
// holds what was read; opt.Scratch is this call's own.
func (p *Pending) Place(opt Options) (err error) {
	defer func() {
		if err != nil {
			err = writeError(p.path, err)
		}
	}()
	if p.tmp == nil {
		return writeInPlace(p.target, p.dir, p.data, p.now, opt)
	}
	buf := opt.Scratch
	if len(buf) < 4<<10 {
		buf = make([]byte, min(max(p.now.Size+1, 4<<10), 64<<10))
	}
	tmp := p.tmp
	p.tmp = nil
	return replace(tmp, p.path, p.target, p.dir, p.now, buf, opt)
}

func writeError(path string, err error) error { return fmt.Errorf("write %s: %w", path, err) }

// errOwner: the temporary file could not be given the original's owner.
var errOwner = errors.New("cannot give the new file the original's owner")

// same returns an error wrapping ErrChanged if now does not describe the
// file that was read as was.
func same(was, now FileState) error {
	switch {
	case was.known && now.known && (was.Dev != now.Dev || was.Ino != now.Ino):
		return fmt.Errorf("%w (another file has taken its place)", ErrChanged)
	case now.Size != was.Size:
		return fmt.Errorf("%w (its size went from %d to %d bytes)", ErrChanged, was.Size, now.Size)
	case !now.ModTime.Equal(was.ModTime):
		return fmt.Errorf("%w (it was modified at %s)", ErrChanged, now.ModTime.Format(time.RFC3339))
	case now.Sum != was.Sum:
		// Size and mtime can both match after a quick same-length edit
		// on a filesystem with coarse timestamps.
		return fmt.Errorf("%w (its contents differ)", ErrChanged)
	}
	return nil
}

// writeTemp writes data to a new temporary file in dir that takes the
// metadata of orig, open on the file read as was; nothing is left of it
// on an error.
func writeTemp(orig *os.File, dir string, data []byte, was FileState) (*os.File, error) {
	tmp, err := createTemp(dir, ".copydesk-")
	if err != nil {
		return nil, fmt.Errorf("create temporary file: %w", err)
	}
	if _, err = tmp.Write(data); err != nil {
		err = fmt.Errorf("write temporary file: %w", err)
	} else {
		err = copyMetadata(orig, tmp, was)
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, err
	}
	return tmp, nil
}

// replace puts tmp, written by writeTemp and synced, in the place of
// target, which path (as given to Write) names; buf is scratch space for
// reads.
func replace(tmp *os.File, path, target, dir string, was FileState, buf []byte, opt Options) error {
	placed := false
	defer func() {
		if !placed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// Check again as late as possible: writing may have taken a while and
	// an editor may have saved meanwhile. Name, size and time are enough
	// here: what the exchange swaps out is then compared byte for byte,
	// and a save this check misses (same size and time) is swapped back.
	// Reading the file here too cost a fixed file's third read.
	if err := unmoved(target, was); err != nil {
		return err
	}
	if opt.BeforeSwap != nil {
		opt.BeforeSwap()
	}
	swapped, err := exchange(tmp.Name(), target)
	if err != nil {
		return fmt.Errorf("replace file: %w", err)
	}
	if !swapped {
		// No atomic exchange here: the contents are compared and the file
		// renamed right after. An edit saved between the two is lost; the
		// README says so.
		if err := unchanged(target, was, buf); err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), target); err != nil {
			return fmt.Errorf("replace file: %w", err)
		}
		placed = true
		tmp.Close()
		return syncDirAfter(dir, path, opt)
	}
	// The old file now has the temporary name. If it is not what was read,
	// someone saved between the last check and the swap: give their
	// version its name back.
	swappedOut, statErr := os.Lstat(tmp.Name())
	out, err := hashState(tmp.Name(), buf)
	if err == nil {
		err = same(was, out)
	}
	if err != nil {
		if statErr != nil {
			placed = true // never delete what may be someone's edit
			return fmt.Errorf("%w, and the version it was swapped with cannot be examined (%w): it is in %s", ErrChanged, statErr, tmp.Name())
		}
		if why := undoSwap(tmp, target, swappedOut); why != "" {
			placed = true
			return fmt.Errorf("%w (edited while being fixed; %s): the version it was swapped with is in %s", ErrChanged, why, tmp.Name())
		}
		// The temporary name now holds the fixed text, or the version the
		// editor's newer save has replaced: either goes.
		return fmt.Errorf("%w (edited while being fixed; left as edited)", ErrChanged)
	}
	placed = true
	tmp.Close()
	if opt.Dirs != nil {
		// Removed with the folder's sync, after the run's last new file
		// (see Dirs for why).
		opt.Dirs.addOld(dir, path, tmp.Name(), swappedOut)
		return nil
	}
	if err := os.Remove(tmp.Name()); err != nil {
		return oldCopyError(tmp.Name(), err)
	}
	return syncDirAfter(dir, path, opt)
}

func oldCopyError(name string, err error) error {
	return fmt.Errorf("new contents written, but the old copy %s could not be removed: %w", name, err)
}

// undoSwap takes the fixed version, open as tmp, back out of target's
// place after an edit saved just before the swap was swapped out to
// tmp's name. Saves keep arriving meanwhile, so it acts on what it finds:
// the fixed version still at target goes back to tmp's name; if a newer
// save has replaced it, that save stays and the version it superseded
// (swappedOut) is left at tmp's name to be removed. It returns why it gave
// up, or "" when tmp's name holds the fixed version or the superseded one.
func undoSwap(tmp *os.File, target string, swappedOut fs.FileInfo) string {
	for range 5 {
		if isFile(tmp, tmp.Name()) {
			return ""
		}
		at, err := os.Lstat(tmp.Name())
		if err != nil {
			return err.Error()
		}
		if os.SameFile(at, swappedOut) && !isFile(tmp, target) {
			return ""
		}
		if _, err := exchange(tmp.Name(), target); err != nil {
			return "swapping it back failed: " + err.Error()
		}
	}
	return "saved again and again while being swapped back"
}

// writeInPlace rewrites target's own contents, for files that must keep
// their inode. The old text is first saved to a synced backup beside it,
// so a crash while the file is half written leaves the backup.
func writeInPlace(target, dir string, data []byte, was FileState, opt Options) error {
	if err := canKeepSpecialBits(was); err != nil {
		return err
	}
	old, now, err := readState(target)
	if err != nil {
		return err
	}
	if err := same(was, now); err != nil {
		return err
	}
	backup, err := createTemp(dir, ".copydesk-backup-")
	if err != nil {
		return fmt.Errorf("create backup copy: %w", err)
	}
	keepBackup := false
	defer func() {
		backup.Close()
		if !keepBackup {
			os.Remove(backup.Name())
		}
	}()
	if _, err := backup.Write(old); err != nil {
		return fmt.Errorf("write backup copy: %w", err)
	}
	if err := backup.Sync(); err != nil {
		return fmt.Errorf("sync backup copy: %w", err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("sync folder for the backup copy: %w", err)
	}
	f, err := os.OpenFile(target, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, now, err = readOpen(f)
	if err != nil {
		return err
	}
	if err := same(was, now); err != nil {
		return err
	}
	if opt.BeforeSwap != nil {
		opt.BeforeSwap()
	}
	keepBackup = true
	if _, err := f.WriteAt(data, 0); err != nil {
		return fmt.Errorf("%w; the old text is in %s", err, backup.Name())
	}
	if err := f.Truncate(int64(len(data))); err != nil {
		return fmt.Errorf("%w; the old text is in %s", err, backup.Name())
	}
	// Writing as a user other than root clears setuid and setgid.
	if err := restoreMode(f, was.Mode); err != nil {
		return fmt.Errorf("%w; the old text is in %s", err, backup.Name())
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync: %w; the old text is in %s", err, backup.Name())
	}
	keepBackup = false
	if !isFile(f, target) {
		// An editor saved a new file under this name in the moment
		// before the write: its version keeps the name, and the fix went
		// to the old file, which the other names still share.
		return fmt.Errorf("%w (replaced while being fixed; the new version is kept, the other names of the old file got the fix)", ErrChanged)
	}
	return nil
}

// unchanged returns an error wrapping ErrChanged if the file at path no
// longer matches was.
func unchanged(path string, was FileState, buf []byte) error {
	now, err := hashState(path, buf)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w (it has been removed)", ErrChanged)
	}
	if err != nil {
		return err
	}
	return same(was, now)
}

// unmoved returns an error wrapping ErrChanged if the file at path is no
// longer the one read as was, as far as its identity, size and
// modification time tell; the contents are not read.
func unmoved(path string, was FileState) error {
	info, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w (it has been removed)", ErrChanged)
	}
	if err != nil {
		return err
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%w (it is no longer a regular file)", ErrChanged)
	}
	now := FileState{Mode: info.Mode(), ModTime: info.ModTime(), Size: info.Size(), Sum: was.Sum}
	fillIdentity(&now, info)
	return same(was, now)
}

// createTemp creates a new file readable only by its owner, named prefix
// and eight random hex digits, in dir. The name does not include the
// original's, which may already be near the 255-byte limit.
func createTemp(dir, prefix string) (*os.File, error) {
	var b [4]byte
	for range 100 {
		if _, err := rand.Read(b[:]); err != nil {
			return nil, err
		}
		name := filepath.Join(dir, prefix+hex.EncodeToString(b[:]))
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, errors.New("no free temporary name")
}

// isFile reports whether name is still the file open as f.
func isFile(f *os.File, name string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Lstat(name)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// syncDirAfter makes a rename in dir durable: the folder's entries must
// reach the disk too. With opt.Dirs it is left to the caller, once per
// folder (see Dirs).
func syncDirAfter(dir, path string, opt Options) error {
	if opt.Dirs != nil {
		opt.Dirs.add(dir, path)
		return nil
	}
	if err := syncDir(dir); err != nil {
		return dirSyncError(dir, err)
	}
	return nil
}

func dirSyncError(dir string, err error) error {
	return fmt.Errorf("new contents written, but syncing folder %s failed: %w", dir, err)
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

// Equal reports whether data is what was describes.
func (s FileState) Equal(data []byte) bool {
	return int64(len(data)) == s.Size && sha256.Sum256(data) == s.Sum
}

// SyncAll makes the temporary files of ps (nil entries aside) durable,
// as each one's Sync would, and returns each one's error. On Linux it is
// one syncfs(2) per filesystem, which writes the files out together
// instead of one device flush a file; a syncfs that fails (it reports
// any write error on the filesystem since the files were made) falls
// back to syncing each file, so that the errors name the right ones.
func SyncAll(ps []*Pending) []error { return syncAll(ps) }

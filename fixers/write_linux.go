package fixers

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// openNonblock opens path for reading without blocking on a FIFO, whose
// writer may never come; readOpen then refuses it after fstat.
func openNonblock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

func fillIdentity(st *FileState, info fs.FileInfo) {
	sys, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		st.Nlink = 1
		return
	}
	fillIdentitySys(st, sys)
}

func fillIdentitySys(st *FileState, sys *syscall.Stat_t) {
	st.Dev, st.Ino = sys.Dev, sys.Ino
	st.Nlink = uint64(sys.Nlink) //nolint:unconvert // uint32 on some architectures
	st.UID, st.GID = int(sys.Uid), int(sys.Gid)
	st.known = true
}

// readState reads path and describes it.
func readState(path string) ([]byte, FileState, error) {
	return readRegular(path, nil, true)
}

// hashState is readState for the checks of Write, which need the sum of
// the contents but not the contents: they pass through buf.
func hashState(path string, buf []byte) (FileState, error) {
	_, st, err := readRegular(path, buf, false)
	return st, err
}

// readRegular is readOpen on a file it opens itself, with open, fstat,
// pread and close alone: os.Open would also offer each file to the
// runtime's poller, which refuses regular files, and give it a finalizer,
// for every read of a run (fix reads each article once, and a fixed one
// once more: what its swap took out of its place). With keep it returns
// the contents; otherwise they pass through buf and only their sum is
// kept. Its errors are those of the os functions it stands for.
func readRegular(path string, buf []byte, keep bool) ([]byte, FileState, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, FileState{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var before syscall.Stat_t
	if err := fstat(fd, &before); err != nil {
		return nil, FileState{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	mode := fileMode(before.Mode)
	if !mode.IsRegular() {
		return nil, FileState{}, fmt.Errorf("not a regular file (%s)", mode.Type())
	}
	var data []byte
	if keep {
		data = make([]byte, 0, before.Size+1)
	} else if len(buf) == 0 {
		buf = make([]byte, 4<<10)
	}
	h := sha256.New()
	var size int64
	for {
		into := buf
		if keep {
			if len(data) == cap(data) {
				data = append(data, 0)[:len(data)]
			}
			into = data[len(data):cap(data)]
		}
		n, err := syscall.Pread(fd, into, size)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, FileState{}, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		if keep {
			data = data[:len(data)+n]
		} else {
			h.Write(into[:n])
		}
		size += int64(n)
		if n < len(into) && size == before.Size {
			// Short of the room asked, at the size fstat gave: the end,
			// without a read more to find it (the stat after the read
			// still catches a writer).
			break
		}
	}
	var sum [32]byte
	if keep {
		sum = sha256.Sum256(data)
	} else {
		h.Sum(sum[:0])
	}
	// A writer racing with the read could leave bytes matching neither
	// version; a fresh stat tells, so that the state describes them.
	var after syscall.Stat_t
	if err := fstat(fd, &after); err != nil {
		return nil, FileState{}, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	modTime := time.Unix(before.Mtim.Unix())
	if after.Size != size || !time.Unix(after.Mtim.Unix()).Equal(modTime) {
		return nil, FileState{}, fmt.Errorf("%w (something wrote to it during the read)", ErrChanged)
	}
	st := FileState{Mode: mode, ModTime: modTime, Size: size, Sum: sum}
	fillIdentitySys(&st, &before)
	return data, st, nil
}

func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

// fileMode is the mode os.Stat gives a file of stat mode m.
func fileMode(m uint32) fs.FileMode {
	mode := fs.FileMode(m & 0o777)
	switch m & syscall.S_IFMT {
	case syscall.S_IFBLK:
		mode |= fs.ModeDevice
	case syscall.S_IFCHR:
		mode |= fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFDIR:
		mode |= fs.ModeDir
	case syscall.S_IFIFO:
		mode |= fs.ModeNamedPipe
	case syscall.S_IFLNK:
		mode |= fs.ModeSymlink
	case syscall.S_IFSOCK:
		mode |= fs.ModeSocket
	}
	if m&syscall.S_ISGID != 0 {
		mode |= fs.ModeSetgid
	}
	if m&syscall.S_ISUID != 0 {
		mode |= fs.ModeSetuid
	}
	if m&syscall.S_ISVTX != 0 {
		mode |= fs.ModeSticky
	}
	return mode
}

// specialBits are the mode bits besides the permissions that a fix keeps.
const specialBits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// copyMetadata gives tmp the owner, extended attributes and mode of orig,
// in that order: chown clears setuid and setgid, and setting an ACL
// rewrites the group permission bits.
func copyMetadata(orig, tmp *os.File, was FileState) error {
	if was.known {
		if info, err := tmp.Stat(); err == nil {
			if sys, ok := info.Sys().(*syscall.Stat_t); ok && (int(sys.Uid) != was.UID || int(sys.Gid) != was.GID) {
				if err := tmp.Chown(was.UID, was.GID); err != nil {
					if errors.Is(err, fs.ErrPermission) {
						return errOwner
					}
					return fmt.Errorf("%w: owner %d:%d: %w; not fixed", ErrMetadata, was.UID, was.GID, err)
				}
			}
		}
	}
	if err := copyXattrs(orig, tmp); err != nil {
		return err
	}
	want := was.Mode & specialBits
	if err := tmp.Chmod(want); err != nil {
		return fmt.Errorf("%w: mode %v: %w; not fixed", ErrMetadata, want, err)
	}
	info, err := tmp.Stat()
	if err != nil {
		return err
	}
	if got := info.Mode() & specialBits; got != want {
		// The kernel drops setgid silently for a group one is not in.
		return fmt.Errorf("%w: mode %v could not be set (got %v); not fixed", ErrMetadata, want, got)
	}
	return nil
}

// copyXattrs copies every extended attribute of orig to tmp. A filesystem
// without extended attributes has none to lose.
func copyXattrs(orig, tmp *os.File) error {
	names, err := listXattrs(int(orig.Fd()))
	if err != nil {
		if errors.Is(err, unix.ENOTSUP) {
			return nil
		}
		return fmt.Errorf("%w: list extended attributes: %w; not fixed", ErrMetadata, err)
	}
	for _, name := range names {
		val, err := getXattr(int(orig.Fd()), name)
		if err != nil {
			return fmt.Errorf("%w: read extended attribute %s: %w; not fixed", ErrMetadata, name, err)
		}
		if err := unix.Fsetxattr(int(tmp.Fd()), name, val, 0); err != nil {
			return fmt.Errorf("%w: copy extended attribute %s: %w; not fixed", ErrMetadata, name, err)
		}
	}
	return nil
}

func listXattrs(fd int) ([]string, error) {
	for {
		n, err := unix.Flistxattr(fd, nil)
		if err != nil || n == 0 {
			return nil, err
		}
		buf := make([]byte, n)
		n, err = unix.Flistxattr(fd, buf)
		if errors.Is(err, unix.ERANGE) {
			continue // the list grew in between
		}
		if err != nil {
			return nil, err
		}
		var names []string
		start := 0
		for i, c := range buf[:n] {
			if c == 0 {
				if i > start {
					names = append(names, string(buf[start:i]))
				}
				start = i + 1
			}
		}
		return names, nil
	}
}

func getXattr(fd int, name string) ([]byte, error) {
	for {
		n, err := unix.Fgetxattr(fd, name, nil)
		if err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		n, err = unix.Fgetxattr(fd, name, buf)
		if errors.Is(err, unix.ERANGE) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return buf[:n], nil
	}
}

// exchange swaps the names a and b atomically. It returns false, and
// changes nothing, where the filesystem or kernel cannot (before Linux
// 3.15; some network and FUSE filesystems).
func exchange(a, b string) (bool, error) {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS), errors.Is(err, unix.EOPNOTSUPP):
		return false, nil
	}
	return false, err
}

// restoreMode puts back the special bits a write by a non-root user
// clears.
func restoreMode(f *os.File, mode fs.FileMode) error {
	info, err := f.Stat()
	if err != nil {
		return err
	}
	if info.Mode()&specialBits == mode&specialBits {
		return nil
	}
	return f.Chmod(mode & specialBits)
}

// Identity returns the device and inode of a file described by info, so
// that two names of one file (a symlink, a hard link) are told apart from
// two files.
func Identity(info fs.FileInfo) (dev, ino uint64, ok bool) {
	sys, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return sys.Dev, sys.Ino, true
}

// canKeepSpecialBits refuses, before anything is written, a file whose
// setuid or setgid bit a write would clear and copydesk could not set
// again: the kernel clears them when anyone but root writes, and only the
// owner (for setgid, a member of the group) may set them.
func canKeepSpecialBits(was FileState) error {
	if was.Mode&(fs.ModeSetuid|fs.ModeSetgid) == 0 || !was.known {
		return nil
	}
	euid := os.Geteuid()
	if euid == 0 {
		return nil
	}
	if euid != was.UID {
		return fmt.Errorf("%w: writing would clear its %s bit, which only its owner may set again; not fixed", ErrMetadata, specialName(was.Mode))
	}
	if was.Mode&fs.ModeSetgid != 0 && os.Getegid() != was.GID {
		groups, _ := os.Getgroups()
		member := false
		for _, g := range groups {
			member = member || g == was.GID
		}
		if !member {
			return fmt.Errorf("%w: writing would clear its setgid bit, which only a member of group %d may set again; not fixed", ErrMetadata, was.GID)
		}
	}
	return nil
}

func specialName(m fs.FileMode) string {
	if m&fs.ModeSetuid != 0 {
		return "setuid"
	}
	return "setgid"
}

// syncAll is SyncAll: one syncfs per filesystem (the temporary file is in
// the file's folder, so on the file's filesystem; RENAME_EXCHANGE needs
// that anyway), and each file's own sync where that failed. syncfs
// reports a write error on the filesystem since the file descriptor it is
// given was opened, which need not be before the others were: each file
// then asks for its own (sync_file_range with WAIT_BEFORE checks the
// file's write errors since it was opened, and waits for nothing here).
func syncAll(ps []*Pending) []error {
	errs := make([]error, len(ps))
	synced := map[uint64]bool{} // by device: whether syncfs succeeded
	for i, p := range ps {
		if p == nil || p.tmp == nil {
			continue
		}
		if p.now.known {
			ok, tried := synced[p.now.Dev]
			if !tried {
				ok = unix.Syncfs(int(p.tmp.Fd())) == nil
				synced[p.now.Dev] = ok
			}
			if ok {
				// Not then fsync: the error, once reported, is not again.
				if err := unix.SyncFileRange(int(p.tmp.Fd()), 0, 0, unix.SYNC_FILE_RANGE_WAIT_BEFORE); err != nil {
					errs[i] = writeError(p.path, fmt.Errorf("sync temporary file: %w", err))
				}
				continue
			}
		}
		errs[i] = p.Sync()
	}
	return errs
}

package fixers

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"

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
	st.Dev, st.Ino = sys.Dev, sys.Ino
	st.Nlink = uint64(sys.Nlink) //nolint:unconvert // uint32 on some architectures
	st.UID, st.GID = int(sys.Uid), int(sys.Gid)
	st.known = true
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

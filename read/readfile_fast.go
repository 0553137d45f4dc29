//go:build linux || darwin

package read

import (
	"os"
	"syscall"
)

// readFile reads a whole regular file of at most limit bytes with open,
// fstat, the reads and close. os.ReadFile also offers each file to the
// runtime's poller (which refuses regular files) and switches its blocking
// mode back and forth: six more system calls a file, which strace counted
// as the larger part of all of them on an archive of small articles.
//
// The file is opened with O_NONBLOCK so that a FIFO without a writer does
// not block the open, and the handle's fstat refuses anything that is not
// a regular file (a FIFO, /dev/zero, a socket) before a byte is read: a
// name checked before the open could be swapped for one. O_NONBLOCK
// changes nothing for the reads of a regular file.
func readFile(path string, limit int64) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return nil, &os.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, &os.PathError{Op: "read", Path: path, Err: notRegular(fileKind(st.Mode))}
	}
	if st.Size > limit {
		return nil, &os.PathError{Op: "read", Path: path, Err: TooLarge(st.Size, limit)}
	}
	// One byte more than the size, so that the read that finds the end
	// needs no larger buffer.
	buf := make([]byte, 0, int(st.Size)+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		asked := cap(buf) - len(buf)
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if n < asked && int64(len(buf)) == st.Size {
			// Short of the byte asked beyond the size fstat gave: the
			// end, without a read more to find it (a file that grew
			// fills that byte and is read on).
			return buf, nil
		}
		// A file that grows while it is read is held to the limit too.
		if int64(len(buf)) > limit {
			return nil, &os.PathError{Op: "read", Path: path, Err: TooLarge(int64(len(buf)), limit)}
		}
	}
}

// fileKind names a file type from a stat mode (uint16 on macOS).
func fileKind[M uint16 | uint32](mode M) string {
	switch mode & syscall.S_IFMT {
	case syscall.S_IFIFO:
		return "a named pipe"
	case syscall.S_IFCHR:
		return "a character device"
	case syscall.S_IFBLK:
		return "a block device"
	case syscall.S_IFSOCK:
		return "a socket"
	case syscall.S_IFDIR:
		return "a folder"
	}
	return "not a regular file"
}

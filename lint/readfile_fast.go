//go:build linux || darwin

package lint

import (
	"os"
	"syscall"
)

// readFile reads a whole file with open, fstat, the reads and close.
// os.ReadFile also offers each file to the runtime's poller (which refuses
// regular files) and switches its blocking mode back and forth: six more
// system calls a file, which strace counted as the larger part of all of
// them on an archive of small articles.
func readFile(path string) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	size := 0
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil && st.Mode&syscall.S_IFMT == syscall.S_IFREG && st.Size < 1<<31 {
		size = int(st.Size)
	}
	// One byte more than the size, so that the read that finds the end
	// needs no larger buffer.
	buf := make([]byte, 0, size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
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
	}
}

package read

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// DefaultMaxFileSize is the largest input copydesk reads unless the
// config's max-file-size says otherwise: a bound on the memory one input
// can take (the parse needs a few times the file's size).
const DefaultMaxFileSize = 64 << 20

// ErrNotRegular and ErrTooLarge classify inputs that are refused before
// they are read.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

type notRegular string

func (k notRegular) Error() string {
	if string(k) == ErrNotRegular.Error() {
		return string(k) + "; copydesk reads regular files only"
	}
	return "not a regular file but " + string(k) + "; copydesk reads regular files only"
}

func (notRegular) Is(err error) bool { return err == ErrNotRegular }

type sizeError struct{ size, limit int64 }

// TooLarge is the error for an input of size bytes over limit.
func TooLarge(size, limit int64) error { return sizeError{size, limit} }

func (e sizeError) Error() string {
	return fmt.Sprintf("file too large: %s, over the limit of %s (max-file-size in .copydesk.yaml raises it)", ByteSize(e.size), ByteSize(e.limit))
}

func (sizeError) Is(err error) bool { return err == ErrTooLarge }

// File reads a regular file of at most limit bytes; anything else (a
// FIFO, a device, a folder) is refused without blocking or reading.
func File(path string, limit int64) ([]byte, error) { return readFile(path, limit) }

// All reads r to its end, refusing more than limit bytes: for standard
// input, which may be anything.
func All(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, sizeError{int64(len(data)), limit}
	}
	return data, nil
}

// ByteSize writes a size the way people read it: 64 MiB, 1.5 KiB, 12 bytes.
func ByteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// CheckRegular refuses a file that is not a regular one, from what a stat
// said: a name given on the command line is checked before any command
// opens it, so that nothing blocks on a FIFO or reads a device forever.
func CheckRegular(st fs.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return notRegular("a named pipe")
	case m&fs.ModeCharDevice != 0:
		return notRegular("a character device")
	case m&fs.ModeDevice != 0:
		return notRegular("a block device")
	case m&fs.ModeSocket != 0:
		return notRegular("a socket")
	}
	return notRegular(ErrNotRegular.Error())
}

// Explain words a read error for the person running copydesk: "no such
// file", "permission denied", or the reason a file was refused.
func Explain(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		switch {
		case errors.Is(err, os.ErrNotExist):
			return errors.New("no such file")
		case errors.Is(err, os.ErrPermission):
			return errors.New("permission denied: cannot read the file")
		case errors.Is(err, ErrNotRegular), errors.Is(err, ErrTooLarge):
			return pe.Err
		}
		return fmt.Errorf("cannot read the file: %w", pe.Err)
	}
	if errors.Is(err, ErrNotRegular) || errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("cannot read the file: %w", err)
}

//go:build !(linux || darwin)

package read

import (
	"io"
	"os"
)

// readFile reads a whole regular file of at most limit bytes; see the
// Linux version.
func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		kind := "not a regular file"
		switch {
		case st.IsDir():
			kind = "a folder"
		case st.Mode()&os.ModeNamedPipe != 0:
			kind = "a named pipe"
		case st.Mode()&os.ModeDevice != 0:
			kind = "a device"
		}
		return nil, &os.PathError{Op: "read", Path: path, Err: notRegular(kind)}
	}
	if st.Size() > limit {
		return nil, &os.PathError{Op: "read", Path: path, Err: TooLarge(st.Size(), limit)}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &os.PathError{Op: "read", Path: path, Err: TooLarge(int64(len(data)), limit)}
	}
	return data, nil
}

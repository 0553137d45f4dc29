//go:build unix

package diskcache

import (
	"fmt"
	"os"
	"syscall"
)

// inode is the file's inode number: a file replaced by another of the
// same size and time is not the one a cache entry was made from.
func inode(st os.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return s.Ino
	}
	return 0
}

// readCacheFile maps the cache file read-only rather than reading it: a
// warm run reads a file of tens of megabytes, and a copy of it on the heap
// was a third of the run's system time (its pages zeroed, faulted in and
// copied into). The mapping is never undone: what the entries decode to
// shares its memory (wire.NewSharedReader) and lives until the report is
// written, and the process ends soon after. The file is safe to map:
// copydesk replaces it by a rename and never writes into it, so the pages
// mapped cannot change or go (a file cut short by hand would fault).
func readCacheFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if size == 0 || int64(int(size)) != size {
		return os.ReadFile(name)
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", name, err)
	}
	return b, nil
}

//go:build unix

package main

import (
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

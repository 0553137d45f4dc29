//go:build !unix

package diskcache

import "os"

// inode is 0 where the system has none to give: size and time decide.
func inode(os.FileInfo) uint64 { return 0 }

// readCacheFile reads the cache file whole.
func readCacheFile(name string) ([]byte, error) { return os.ReadFile(name) }

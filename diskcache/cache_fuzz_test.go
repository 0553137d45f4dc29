package diskcache

import (
	"reflect"
	"testing"
)

// FuzzDecodeCache: a cache file damaged, cut short or written by another
// program is refused or read, never a panic; what is read writes back
// the same.
func FuzzDecodeCache(f *testing.F) {
	key := [32]byte{1, 2, 3}
	f.Add(encodeCache(map[string]cacheEntry{}, key))
	f.Add(encodeCache(map[string]cacheEntry{
		"/a/news/b.txt": {stamp: fileStamp{size: 120, mtime: 1700000000123456789, ino: 42}, data: []byte("\x00\x01summary")},
		"/a/c.md":       {stamp: fileStamp{size: 0, mtime: -1, ino: 0}, data: nil},
	}, key))
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := decodeCache(b, key)
		if err != nil {
			return
		}
		again, err := decodeCache(encodeCache(m, key), key)
		if err != nil {
			t.Fatalf("written back, it does not read: %v", err)
		}
		if len(again) != len(m) || len(m) > 0 && !reflect.DeepEqual(again, m) {
			t.Fatalf("read back %v, want %v", again, m)
		}
	})
}

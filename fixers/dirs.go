package fixers

import (
	"sort"
	"sync"
)

// Dirs collects the folders in which Write replaced files (Options.Dirs),
// so that each folder is synced once after its last file rather than once
// per file. It is safe for concurrent use; the zero value is empty.
//
// Why the folder sync is deferred and not dropped. Replacing a file takes
// two syncs:
//
//   - The temporary file is synced before it takes the original's place,
//     and that stays as it is. ext4 (delayed allocation) and xfs may commit
//     the rename before the data is written, and a crash then leaves an
//     empty or short file under the name: the failure fix promises
//     against. ext4's auto_da_alloc flushes a file renamed over another in
//     ext4_rename, but it is a mount option (noauto_da_alloc), the exchange
//     (RENAME_EXCHANGE, ext4_cross_rename) does not do it, and xfs has
//     nothing of the kind for renames.
//   - The folder sync makes the swap, and the removal of the old version,
//     durable. It is not what keeps a file whole: the exchange is atomic
//     whenever it reaches the disk, so a crash before it does leaves the
//     old version under the name (and the new one under the temporary
//     name), complete. It is what makes "fixed" still true after a crash.
//     On ext4 with a journal and on xfs, metadata reaches the disk in
//     order, and the next file's sync commits this file's exchange with
//     it; but nothing orders the last file's, and ext4 without a journal,
//     ext2 and others give no such order at all (fsync(2) promises the
//     file, not the folder entry naming it). So the sync is kept, once per
//     folder: a crash at any moment leaves one of the states a sync per
//     file allowed, and every folder is synced before fix reports or
//     exits (on a signal too).
type Dirs struct {
	mu    sync.Mutex
	paths map[string][]string // folder → the paths given to Write for files replaced in it
}

func (d *Dirs) add(dir, path string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.paths == nil {
		d.paths = map[string][]string{}
	}
	d.paths[dir] = append(d.paths[dir], path)
}

// Sync syncs each folder collected since the last Sync, in name order, and
// forgets it. For each file replaced in a folder that could not be synced,
// it returns the error Write would have returned, keyed by the path given
// to Write; nil when every folder was synced.
func (d *Dirs) Sync() map[string]error {
	d.mu.Lock()
	defer d.mu.Unlock()
	dirs := make([]string, 0, len(d.paths))
	for dir := range d.paths {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	var failed map[string]error
	for _, dir := range dirs {
		if err := syncDir(dir); err != nil {
			if failed == nil {
				failed = map[string]error{}
			}
			for _, p := range d.paths[dir] {
				failed[p] = writeError(p, dirSyncError(dir, err))
			}
		}
		delete(d.paths, dir)
	}
	return failed
}

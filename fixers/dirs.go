package fixers

import (
	"errors"
	"io/fs"
	"os"
	"sort"
	"sync"
)

// Dirs collects the folders in which Write replaced files (Options.Dirs),
// so that each folder is synced once after its last file rather than once
// per file, and the old versions the swaps took out of their places, so
// that they are removed after the last new file is made rather than one
// by one. It is safe for concurrent use; the zero value is empty.
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
//
// Why the old versions are removed last. ext4 without a journal does not
// hand out an inode freed recently (about a minute, longer while its
// inode table block is dirty) while it can find another (recently_deleted
// in find_inode_bit), and each new file scans past every such inode of
// its group from the group's start: removing each old version right after
// its swap made each temporary file cost in proportion to the files
// already fixed, quadratic in all (recently_deleted took 10.6 % of fix's
// CPU on the 20 MB corpus, 2,931 files, and 3.1 % with the old versions
// removed last, on a filesystem left quiet for 70 s before). The old
// version stays under its temporary name meanwhile, so a crash or SIGKILL
// during the writes leaves a `.copydesk-*` file holding the old text
// beside each file already fixed (the README says so); a signal removes
// them (Sync).
type Dirs struct {
	mu    sync.Mutex
	paths map[string][]string // folder → the paths given to Write for files replaced in it
	old   []oldCopy           // old versions to remove, in the order swapped out
}

// oldCopy is an old version a swap took out of its place.
type oldCopy struct {
	name string      // its temporary name
	path string      // the path given to Write
	info fs.FileInfo // what it was when swapped out, so that only it is removed
}

// addOld records that the old version of path, swapped out to name in
// dir, is to be removed, and dir synced after that.
func (d *Dirs) addOld(dir, path, name string, info fs.FileInfo) {
	d.mu.Lock()
	d.old = append(d.old, oldCopy{name: name, path: path, info: info})
	d.mu.Unlock()
	d.add(dir, path)
}

func (d *Dirs) add(dir, path string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.paths == nil {
		d.paths = map[string][]string{}
	}
	d.paths[dir] = append(d.paths[dir], path)
}

// Sync removes the old versions collected since the last Sync, then syncs
// each folder collected, in name order, and forgets both. For each file
// replaced whose old version could not be removed or whose folder could
// not be synced, it returns the error Write would have returned, keyed by
// the path given to Write; nil when all went well.
func (d *Dirs) Sync() map[string]error {
	d.mu.Lock()
	defer d.mu.Unlock()
	var failed map[string]error
	fail := func(path string, err error) {
		if failed == nil {
			failed = map[string]error{}
		}
		if _, ok := failed[path]; !ok {
			failed[path] = writeError(path, err)
		}
	}
	for _, o := range d.old {
		if err := removeOld(o); err != nil {
			fail(o.path, oldCopyError(o.name, err))
		}
	}
	d.old = nil
	dirs := make([]string, 0, len(d.paths))
	for dir := range d.paths {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		if err := syncDir(dir); err != nil {
			for _, p := range d.paths[dir] {
				fail(p, dirSyncError(dir, err))
			}
		}
		delete(d.paths, dir)
	}
	return failed
}

// removeOld removes an old version if its name still holds it: a file
// that someone else has put under that name since is not copydesk's to
// remove, and one already gone needs nothing. A removed file's inode
// number is soon given to a new file, so the size and modification time
// must match too (the old version's are those of the article as read).
func removeOld(o oldCopy) error {
	at, err := os.Lstat(o.name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !os.SameFile(at, o.info) || at.Size() != o.info.Size() || !at.ModTime().Equal(o.info.ModTime()) {
		return nil
	}
	if err := os.Remove(o.name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

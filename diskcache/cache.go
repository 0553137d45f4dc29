// Package diskcache keeps, between runs, what reading each context file
// of a project left for the corpus rules (engine.ContextCache on disk), so
// that linting one file does not read and parse the whole archive again.
package diskcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	byteorder "encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/wire"
)

// The cache of context files: when one file of a project is linted, every
// other article is read for the checks across articles, and what they need
// of each (its summary without text, the rules' facts) is kept on disk, so
// that the next run only looks at each file's size, time and inode.
//
// One file per project (<cache dir>/copydesk/<hash of the project root>/
// context.bin), written whole to a temporary file and renamed over the old
// one, and only after a run that succeeded. A file that is damaged, cut
// short, of another format, another configuration or another build is not
// used: the run reads the archive and writes a new one.

// cacheMagic opens a cache file; the number after it is the format.
const cacheMagic = "copydesk context cache\x00\x01"

// FileName is the file's name in the project's cache folder.
const FileName = "context.bin"

// racyWindow: a file changed this close to the run may change again
// within the same time stamp, unseen; it is not kept (git's racy clean).
const racyWindow = 2 * time.Second

// File is an engine.ContextCache on disk: one project's cache for one run.
type File struct {
	eng     *engine.Engine
	file    string
	key     [32]byte
	started time.Time
	cwd     string    // the current folder, for keyPath
	log     io.Writer // --verbose: why the cache was not used; nil: silent
	// reported are the files the run reports: not read as context this
	// time, their entries are kept for a run that reads them so.
	reported []string

	mu      sync.Mutex
	old     map[string]cacheEntry
	entries map[string]cacheEntry // what the next run gets: used and new
	stats   map[string]fileStamp  // each file as it was when the run asked
	changed bool
	hits    int
	asked   int

	// The corpus rules' work over the whole archive (archive.go).
	archiveFile    string
	oldArchive     map[string]archiveValue
	newArchive     map[string]archiveValue // what the next run gets: used and new
	archiveChanged bool
}

// fileStamp says whether a file is the one a cache entry was made from.
type fileStamp struct {
	size, mtime int64
	ino         uint64
}

type cacheEntry struct {
	stamp fileStamp
	data  []byte // engine.EncodeContextFile's
}

// contextCacheDir is the folder of the cache files of the project at
// root: $COPYDESK_CACHE_DIR, or the user's cache folder's copydesk/, in a
// folder named by the project's path.
func contextCacheDir(root string) (string, error) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return "", err
	}
	base := os.Getenv("COPYDESK_CACHE_DIR")
	if base == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return "", err
		}
		base = filepath.Join(dir, "copydesk")
	}
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(base, hex.EncodeToString(sum[:8])), nil
}

// cacheKey names what a cache entry depends on besides the file: the
// build of copydesk (its version and VCS stamp, and the executable's
// identity: path, size, time and inode, which every build changes), the
// configuration as loaded (rules, options, overrides, the names glossary
// with the files it came from, --select and --ignore), the rules, whether
// non-articles are skipped, and the local time zone (TOML's local dates
// are read in it). Hashing the executable itself would cost more than a
// warm run saves.
func cacheKey(eng *engine.Engine) ([32]byte, error) {
	h := sha256.New()
	h.Write([]byte(cacheMagic))
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintln(h, bi.GoVersion, bi.Main.Path, bi.Main.Version, bi.Main.Sum)
		for _, s := range bi.Settings {
			fmt.Fprintln(h, s.Key, s.Value)
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return [32]byte{}, fmt.Errorf("find the executable: %w", err)
	}
	st, err := os.Stat(exe)
	if err != nil {
		return [32]byte{}, fmt.Errorf("look at the executable: %w", err)
	}
	fmt.Fprintln(h, exe, st.Size(), st.ModTime().UnixNano(), inode(st))
	cfg, err := json.Marshal(eng.Config)
	if err != nil {
		return [32]byte{}, fmt.Errorf("configuration: %w", err)
	}
	h.Write(cfg)
	for _, r := range eng.Registry.Rules() {
		fmt.Fprintln(h, r.ID, r.Corpus != nil, eng.Config.OffEverywhere(r.ID))
	}
	zone, off := time.Now().Zone()
	fmt.Fprintln(h, eng.SkipNonArticles, zone, off)
	var k [32]byte
	copy(k[:], h.Sum(nil))
	return k, nil
}

// Open opens the cache of the project eng's config is in; nil
// when there can be none (a rule's facts that cannot be stored, no cache
// folder), said on log when it is set.
func Open(eng *engine.Engine, log io.Writer) *File {
	say := func(format string, a ...any) {
		if log != nil {
			fmt.Fprintf(log, "copydesk: cache: "+format+"\n", a...)
		}
	}
	if !eng.Storable() {
		say("not used: a rule's facts cannot be stored")
		return nil
	}
	dir, err := contextCacheDir(eng.Config.Dir)
	if err != nil {
		say("not used: %v", err)
		return nil
	}
	key, err := cacheKey(eng)
	if err != nil {
		say("not used: %v", err)
		return nil
	}
	cwd, err := os.Getwd()
	if err != nil {
		say("not used: %v", err)
		return nil
	}
	c := &File{eng: eng, file: filepath.Join(dir, FileName), key: key, started: time.Now(), cwd: cwd, log: log,
		entries: map[string]cacheEntry{}, stats: map[string]fileStamp{}, archiveFile: filepath.Join(dir, ArchiveFileName)}
	c.readArchive()
	b, err := readCacheFile(c.file)
	switch {
	case os.IsNotExist(err):
		c.old = map[string]cacheEntry{}
	case err != nil:
		say("%s not read: %v", c.file, err)
		c.old = map[string]cacheEntry{}
	default:
		if c.old, err = decodeCache(b, key); err != nil {
			say("%s not used: %v", c.file, err)
			c.old = map[string]cacheEntry{}
		}
	}
	return c
}

// decodeCache reads a cache file's entries, if it is one made with key.
// The file is the magic, the key, a checksum of the rest (CRC-32C: a
// changed byte in a string would otherwise read back as another word),
// and the entries.
func decodeCache(b []byte, key [32]byte) (map[string]cacheEntry, error) {
	body, err := checkedBody(b, cacheMagic, "a cache file", key)
	if err != nil {
		return nil, err
	}
	damaged := damagedError()
	r := wire.NewReader(body)
	n := r.Len(5)
	out := make(map[string]cacheEntry, n)
	for range n {
		path := r.String()
		e := cacheEntry{stamp: fileStamp{size: r.Int(), mtime: r.Int(), ino: r.Uint()}, data: r.Bytes()}
		if r.Err() != nil {
			break
		}
		out[path] = e
	}
	if !r.Done() {
		return nil, damaged
	}
	return out, nil
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// checkedBody checks the head both files of the cache open with (magic,
// the key of the build and configuration that made it, a CRC-32C of the
// rest) and returns the rest after the checksum; what names the kind of
// file in the error.
func checkedBody(b []byte, magic, what string, key [32]byte) ([]byte, error) {
	if !bytes.HasPrefix(b, []byte(magic)) {
		return nil, fmt.Errorf("not %s of this version", what)
	}
	r := wire.NewReader(b[len(magic):])
	k := r.Bytes()
	if r.Err() != nil {
		return nil, damagedError()
	}
	if !bytes.Equal(k, key[:]) {
		return nil, errors.New("made by another build or configuration")
	}
	body := b[len(b)-r.Left():]
	if len(body) < 4 || crc32.Checksum(body[4:], castagnoli) != byteorder.LittleEndian.Uint32(body) {
		return nil, damagedError()
	}
	return body[4:], nil
}

// damagedError is the error of a cache file that does not read.
func damagedError() error { return fmt.Errorf("damaged or cut short: %w", wire.ErrCorrupt) }

// encodeCache is the file decodeCache reads.
func encodeCache(entries map[string]cacheEntry, key [32]byte) []byte {
	var buf bytes.Buffer
	at, sum, _ := writeCache(&buf, entries, key) // a bytes.Buffer does not fail
	b := buf.Bytes()
	byteorder.LittleEndian.PutUint32(b[at:], sum)
	return b
}

// writeCache writes the file decodeCache reads to w, with zeros where the
// checksum of what follows goes: it returns where that is, and the sum.
// Written entry by entry, not built whole first: a buffer the size of
// the archive's cache was a tenth of a first run's memory and its page
// faults.
func writeCache(w io.Writer, entries map[string]cacheEntry, key [32]byte) (at int, sum uint32, err error) {
	paths := make([]string, 0, len(entries))
	for p := range entries {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	b := &wire.Writer{B: make([]byte, 0, 4096)}
	b.B = append(b.B, cacheMagic...)
	b.Bytes(key[:])
	at = len(b.B)
	b.B = append(b.B, 0, 0, 0, 0)
	if _, err := w.Write(b.B); err != nil {
		return 0, 0, err
	}
	b.B = b.B[:0]
	b.Uint(uint64(len(paths)))
	for _, p := range paths {
		e := entries[p]
		b.String(p)
		b.Int(e.stamp.size)
		b.Int(e.stamp.mtime)
		b.Uint(e.stamp.ino)
		b.Uint(uint64(len(e.data)))
		sum = crc32.Update(sum, castagnoli, b.B)
		sum = crc32.Update(sum, castagnoli, e.data)
		if _, err := w.Write(b.B); err != nil {
			return 0, 0, err
		}
		if _, err := w.Write(e.data); err != nil {
			return 0, 0, err
		}
		b.B = b.B[:0]
	}
	if len(paths) == 0 {
		sum = crc32.Update(sum, castagnoli, b.B)
		_, err = w.Write(b.B)
	}
	return at, sum, err
}

// keyPath is the path entries are kept under: absolute, so that a run
// from another folder of the project finds them. The folder is asked
// once (filepath.Abs asks the system each time).
func (c *File) keyPath(path string) string {
	if filepath.IsAbs(path) || c.cwd == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(c.cwd, path)
}

// Get returns the file's entry if the file is as it was when the entry
// was made.
func (c *File) Get(path string) (*engine.ContextFile, bool) {
	key := c.keyPath(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, false
	}
	stamp := fileStamp{size: st.Size(), mtime: st.ModTime().UnixNano(), ino: inode(st)}
	c.mu.Lock()
	c.stats[key] = stamp
	c.asked++
	e, ok := c.old[key]
	c.mu.Unlock()
	if !ok || e.stamp != stamp {
		return nil, false
	}
	f, err := c.eng.DecodeContextFile(e.data)
	if err != nil {
		c.say("%s: entry not used: %v", path, err)
		return nil, false
	}
	c.mu.Lock()
	c.entries[key] = e
	c.hits++
	c.mu.Unlock()
	return f, true
}

// Put keeps what the run read of a file, stamped as the file was when Get
// looked, before it was read: a file changed since is read again next time.
func (c *File) Put(path string, f *engine.ContextFile) {
	key := c.keyPath(path)
	c.mu.Lock()
	stamp, ok := c.stats[key]
	c.mu.Unlock()
	if !ok || c.started.Sub(time.Unix(0, stamp.mtime)) < racyWindow {
		return
	}
	data, err := c.eng.EncodeContextFile(f)
	if err != nil {
		c.say("%s: not kept: %v", path, err)
		return
	}
	c.mu.Lock()
	c.entries[key] = cacheEntry{stamp: stamp, data: data}
	c.changed = true
	c.mu.Unlock()
}

// save writes the cache for the next run, when it holds anything new or
// lost an entry: to a temporary file beside it, renamed over it, so that
// a run reading it meanwhile, or one writing it at the same time, sees
// one whole file or the other.
func (c *File) save() {
	for _, p := range c.reported {
		if e, ok := c.old[p]; ok {
			if _, now := c.entries[p]; !now {
				c.entries[p] = e
			}
		}
	}
	if !c.changed && len(c.entries) == len(c.old) {
		c.say("%d of %d files from the cache, which is unchanged", c.hits, c.asked)
		return
	}
	err := func() error {
		// Only its user reads it: it holds words of every article.
		if err := os.MkdirAll(filepath.Dir(c.file), 0o700); err != nil {
			return err
		}
		tmp, err := os.CreateTemp(filepath.Dir(c.file), FileName+".*")
		if err != nil {
			return err
		}
		defer os.Remove(tmp.Name()) // after the rename, nothing to remove
		bw := bufio.NewWriterSize(tmp, 1<<20)
		at, sum, err := writeCache(bw, c.entries, c.key)
		if err == nil {
			err = bw.Flush()
		}
		if err == nil {
			var b [4]byte
			byteorder.LittleEndian.PutUint32(b[:], sum)
			_, err = tmp.WriteAt(b[:], int64(at))
		}
		if err != nil {
			tmp.Close()
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		return os.Rename(tmp.Name(), c.file)
	}()
	if err != nil {
		c.say("not written: %v", err)
		return
	}
	c.say("%d of %d files from the cache; %s written with %d", c.hits, c.asked, c.file, len(c.entries))
	removeStaleTemps(filepath.Dir(c.file), time.Now())
}

// staleTemp is the age from which a temporary cache file is a killed
// run's leftover: a run still writing one is far younger.
const staleTemp = time.Hour

// removeStaleTemps removes the temporary cache files (of the context
// files' and of the archive's) in dir that a run killed while writing
// left behind, those older than staleTemp.
func removeStaleTemps(dir string, now time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), FileName+".") && !strings.HasPrefix(e.Name(), ArchiveFileName+".") {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > staleTemp {
			_ = os.Remove(filepath.Join(dir, e.Name())) // best effort: the next run tries again
		}
	}
}

// say writes a --verbose line about the cache.
func (c *File) say(format string, a ...any) {
	if c.log != nil {
		fmt.Fprintf(c.log, "copydesk: cache: "+format+"\n", a...)
	}
}

// Done ends the run's use of the cache, written for the next run only if
// the run succeeded: a file or path that could not be read, or a rule
// that failed, leaves the cache as it was.
func (fc *File) Done(succeeded bool) {
	if fc == nil {
		return
	}
	fc.eng.Cache = nil
	if !succeeded {
		fc.say("not written: the run failed")
		return
	}
	fc.save()
	fc.saveArchive()
}

// Report marks path as a file the run reports: it is not read as context
// this time, and its entry is kept for a run that reads it so. It is
// looked at now, before the run reads it, for the digest of the archive's
// documents (Archive).
func (c *File) Report(path string) {
	key := c.keyPath(path)
	c.reported = append(c.reported, key)
	if st, err := os.Stat(path); err == nil {
		c.mu.Lock()
		c.stats[key] = fileStamp{size: st.Size(), mtime: st.ModTime().UnixNano(), ino: inode(st)}
		c.mu.Unlock()
	}
}

// Hits is how many context files the run has taken from the cache so far.
func (c *File) Hits() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits
}

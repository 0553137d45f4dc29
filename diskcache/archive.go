package diskcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	byteorder "encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/wire"
)

// The corpus rules' work over the whole archive (engine.ArchiveKeeper:
// the count of the archive's names) is kept in a file of its own beside
// the context files' (ArchiveFileName), each rule's value under the
// digest of the documents it was made from, their absolute paths in the
// run's order, and each one's size, time and inode. A run over the same
// paths gets it back, with the documents whose stamp differs named as
// changed (the rule decides whether they change its value); any file
// added, removed or renamed makes another digest, and the rule works it
// out again. The file is small beside the context files', so a value
// that changes does not make a run write those again.

// archiveMagic opens an archive file; the number after it is the format.
const archiveMagic = "copydesk archive cache\x00\x02"

// ArchiveFileName is the archive file's name in the project's cache folder.
const ArchiveFileName = "archive.bin"

// archiveValue is one rule's value, the digest of its documents' paths,
// and their stamps.
type archiveValue struct {
	digest [32]byte
	stamps []fileStamp
	data   []byte
}

// Archive implements engine.ContextCache: where the corpus rules keep
// their work over the documents paths names. nil when one of them is a
// file the run did not look at (Get for a context file, Report for one
// reported).
func (c *File) Archive(paths []string) engine.ArchiveKeeper {
	h := sha256.New()
	var b []byte
	racy := false
	stamps := make([]fileStamp, len(paths))
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, p := range paths {
		key := c.keyPath(p)
		st, ok := c.stats[key]
		if !ok {
			return nil
		}
		stamps[i] = st
		racy = racy || c.started.Sub(time.Unix(0, st.mtime)) < racyWindow
		b = byteorder.AppendUvarint(b[:0], uint64(len(key)))
		b = append(b, key...)
		h.Write(b)
	}
	k := &keeper{c: c, racy: racy, stamps: stamps}
	copy(k.digest[:], h.Sum(nil))
	return k
}

// A keeper is one run's engine.ArchiveKeeper.
type keeper struct {
	c      *File
	digest [32]byte // of the paths
	stamps []fileStamp
	// racy: a document changed so close to the run that a change after it
	// might keep its stamp; what is worked out now is not kept.
	racy bool
	// changed are the values Load gave with documents changed, by rule,
	// and how many: --verbose says which the rule kept as they were.
	changed map[string]changedValue
}

type changedValue struct {
	data []byte
	n    int
}

func (k *keeper) Load(rule string) ([]byte, []int, bool) {
	c := k.c
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.oldArchive[rule]
	if !ok || v.digest != k.digest || len(v.stamps) != len(k.stamps) {
		return nil, nil, false
	}
	var changed []int
	for i, st := range k.stamps {
		if v.stamps[i] != st {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		c.newArchive[rule] = v
	} else {
		if k.changed == nil {
			k.changed = map[string]changedValue{}
		}
		k.changed[rule] = changedValue{v.data, len(changed)}
	}
	return v.data, changed, true
}

func (k *keeper) Save(rule string, b []byte) {
	if k.racy {
		return
	}
	c := k.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := k.changed[rule]; ok && bytes.Equal(old.data, b) {
		what := "files add"
		if old.n == 1 {
			what = "file adds"
		}
		c.say("%s's work over the archive is as it was: %d changed %s the same", rule, old.n, what)
	}
	c.newArchive[rule] = archiveValue{digest: k.digest, stamps: k.stamps, data: b}
	c.archiveChanged = true
}

// decodeArchive reads an archive file's values, if it is one made with
// key: the magic, the key, a CRC-32C of the rest, and the values.
func decodeArchive(b []byte, key [32]byte) (map[string]archiveValue, error) {
	body, err := checkedBody(b, archiveMagic, "an archive file", key)
	if err != nil {
		return nil, err
	}
	damaged := damagedError()
	r := wire.NewSharedReader(body)
	n := r.Len(3)
	out := make(map[string]archiveValue, n)
	for range n {
		name, d := r.String(), r.Bytes()
		stamps := make([]fileStamp, r.Len(3))
		for i := range stamps {
			stamps[i] = fileStamp{size: r.Int(), mtime: r.Int(), ino: r.Uint()}
		}
		data := r.Bytes()
		if r.Err() != nil || len(d) != 32 {
			return nil, damaged
		}
		v := archiveValue{stamps: stamps, data: data}
		copy(v.digest[:], d)
		out[name] = v
	}
	if !r.Done() {
		return nil, damaged
	}
	return out, nil
}

// encodeArchive is the file decodeArchive reads.
func encodeArchive(values map[string]archiveValue, key [32]byte) []byte {
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	slices.Sort(names)
	body := &wire.Writer{}
	body.Uint(uint64(len(names)))
	for _, n := range names {
		v := values[n]
		body.String(n)
		body.Bytes(v.digest[:])
		body.Uint(uint64(len(v.stamps)))
		for _, st := range v.stamps {
			body.Int(st.size)
			body.Int(st.mtime)
			body.Uint(st.ino)
		}
		body.Bytes(v.data)
	}
	w := &wire.Writer{B: append([]byte{}, archiveMagic...)}
	w.Bytes(key[:])
	w.B = byteorder.LittleEndian.AppendUint32(w.B, crc32.Checksum(body.B, castagnoli))
	return append(w.B, body.B...)
}

// readArchive reads the project's archive file; none, or one that is not
// of use, is an empty one.
func (c *File) readArchive() {
	c.oldArchive, c.newArchive = map[string]archiveValue{}, map[string]archiveValue{}
	b, err := os.ReadFile(c.archiveFile)
	switch {
	case os.IsNotExist(err):
	case err != nil:
		c.say("%s not read: %v", c.archiveFile, err)
	default:
		if m, err := decodeArchive(b, c.key); err != nil {
			c.say("%s not used: %v", c.archiveFile, err)
		} else {
			c.oldArchive = m
		}
	}
}

// saveArchive writes the archive file when a rule saved a value: the
// values of this run, a temporary file renamed over the old one.
func (c *File) saveArchive() {
	if !c.archiveChanged {
		return
	}
	err := writeFileAtomic(c.archiveFile, func(w *bufio.Writer) error {
		_, err := w.Write(encodeArchive(c.newArchive, c.key))
		return err
	})
	if err != nil {
		c.say("%s not written: %v", c.archiveFile, err)
		return
	}
	c.say("%s written with %d values", c.archiveFile, len(c.newArchive))
}

// writeFileAtomic writes name through write, to a temporary file beside
// it renamed over it, so that a run reading it meanwhile, or one writing
// it at the same time, sees one whole file or the other. Only its user
// reads it: it holds words of every article.
func writeFileAtomic(name string, write func(*bufio.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), filepath.Base(name)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after the rename, nothing to remove
	bw := bufio.NewWriterSize(tmp, 1<<20)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/copydesk/copydesk/internal/corpusgen"
)

// A corpus is a generated folder of articles in the cache.
type corpus struct {
	label string // the size as -sizes names it: 20MB
	dir   string
	files int
	bytes int64
}

// ensureCorpus returns the corpus of size bytes for opts, generating it
// into cache unless a previous run left it there. The folder's name holds
// the options and a fingerprint of the generator's output, so a changed
// generator makes a new folder rather than reusing a stale one; a manifest
// beside the folder (not in it, where it would be linted) records the files
// and bytes written, and a folder that no longer matches it is refused.
func ensureCorpus(cache string, size int64, opts corpusgen.Options, progress io.Writer) (corpus, error) {
	opts.Bytes = size
	fp, err := fingerprint(opts)
	if err != nil {
		return corpus{}, err
	}
	label := sizeLabel(size)
	name := fmt.Sprintf("%s-seed%d-md%g-defects%g-%s", label, opts.Seed, opts.MarkdownShare, opts.DefectRate, fp)
	dir := filepath.Join(cache, name)
	manifest := dir + ".manifest"
	c := corpus{label: label, dir: dir}

	want, err := os.ReadFile(manifest)
	switch {
	case err == nil:
		c.files, c.bytes, err = dirStats(dir)
		if err != nil {
			return c, fmt.Errorf("reuse the %s corpus: %w", label, err)
		}
		if got := manifestLine(c.files, c.bytes); got != string(want) {
			return c, fmt.Errorf("the cached %s corpus %s holds %q, its manifest says %q: remove both to generate it again",
				label, dir, strings.TrimSpace(got), strings.TrimSpace(string(want)))
		}
		return c, nil
	case !errors.Is(err, fs.ErrNotExist):
		return c, fmt.Errorf("read the %s corpus's manifest: %w", label, err)
	}

	// Generate into a side folder and rename it into place, so that an
	// interrupted run never leaves a partial corpus under the final name.
	partial := dir + ".partial"
	if err := os.RemoveAll(partial); err != nil {
		return c, fmt.Errorf("clear a partial %s corpus: %w", label, err)
	}
	if err := os.RemoveAll(dir); err != nil {
		return c, fmt.Errorf("clear a %s corpus without a manifest: %w", label, err)
	}
	fmt.Fprintf(progress, "scale: generating the %s corpus into %s\n", label, dir)
	start := time.Now()
	c.files, c.bytes, err = corpusgen.WriteDir(partial, opts)
	if err != nil {
		return c, fmt.Errorf("generate the %s corpus (is there room? it takes about 1.5 times its size on disk): %w", label, err)
	}
	if err := os.Rename(partial, dir); err != nil {
		return c, fmt.Errorf("move the %s corpus into place: %w", label, err)
	}
	if err := os.WriteFile(manifest, []byte(manifestLine(c.files, c.bytes)), 0o644); err != nil {
		return c, fmt.Errorf("write the %s corpus's manifest: %w", label, err)
	}
	fmt.Fprintf(progress, "scale: generated %d files, %d bytes in %.1fs\n", c.files, c.bytes, time.Since(start).Seconds())
	return c, nil
}

func manifestLine(files int, bytes int64) string {
	return "files " + strconv.Itoa(files) + " bytes " + strconv.FormatInt(bytes, 10) + "\n"
}

// fingerprint hashes the first 64 KB the generator writes for opts' seed and
// shares: it changes when the generator's output does.
func fingerprint(opts corpusgen.Options) (string, error) {
	opts.Bytes = 64 << 10
	h := sha256.New()
	err := corpusgen.Generate(opts, func(a corpusgen.Article) error {
		// A hash never fails to write.
		_, _ = io.WriteString(h, a.Name)
		_, _ = h.Write([]byte{0})
		_, _ = h.Write(a.Body)
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("fingerprint the generator: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil))[:8], nil
}

// dirStats counts the regular files under dir and their bytes.
func dirStats(dir string) (files int, bytes int64, err error) {
	err = filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files++
		bytes += info.Size()
		return nil
	})
	return files, bytes, err
}

// copyTree copies the folders and regular files under src to dst, which
// must not exist: the throwaway corpus a real fix writes into.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.Mkdir(to, 0o755)
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(to, b, 0o644)
		}
		return nil
	})
}

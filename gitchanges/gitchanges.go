// Package gitchanges lists the files changed in a git work tree since a
// revision, so that a run can check only what a branch or commit touched.
package gitchanges

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

// ErrNotRepository means the folder is not inside a git work tree.
var ErrNotRepository = errors.New("not inside a git repository")

// ErrUnknownRevision means git does not know the revision.
var ErrUnknownRevision = errors.New("unknown revision")

// ErrNoGit means the git program could not be run.
var ErrNoGit = errors.New("git is not installed or not on PATH")

// Since lists the files changed since rev in the work tree that contains
// dir: committed since rev (since the merge base of rev and HEAD, as in
// `git diff rev...`, so that on a branch the changes made on rev's side
// since are not counted), staged, unstaged, and untracked files that are
// not ignored. Deleted files are left out. Paths are relative to dir.
func Since(dir, rev string) ([]string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("%w %q: give a branch, tag or commit", ErrUnknownRevision, rev)
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		if errors.Is(err, ErrNoGit) {
			return nil, err
		}
		return nil, fmt.Errorf("%w (%s): %w", ErrNotRepository, dir, err)
	}
	root := strings.TrimRight(string(top), "\r\n")
	if _, err := git(root, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("%w %q: no branch, tag or commit has that name here (in CI, fetch it first, for example with fetch-depth: 0)", ErrUnknownRevision, rev)
	}
	base := rev
	if mb, err := git(root, "merge-base", rev, "HEAD"); err == nil {
		base = strings.TrimSpace(string(mb))
	}
	diff, err := git(root, "diff", "--name-only", "-z", "--diff-filter=d", "--no-ext-diff", "--ignore-submodules", base, "--")
	if err != nil {
		return nil, fmt.Errorf("list the files changed since %s: %w", rev, err)
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, fmt.Errorf("list the untracked files: %w", err)
	}
	return relativeTo(dir, root, append(split(diff), split(untracked)...))
}

// relativeTo turns slash-separated paths relative to the repository root
// into paths relative to dir, sorted and without repeats. git reports the
// root with symbolic links resolved, so dir is resolved too.
func relativeTo(dir, root string, paths []string) ([]string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("resolve %s: %w", dir, err)
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	}
	root = filepath.FromSlash(root)
	seen := map[string]bool{}
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		rel, err := filepath.Rel(abs, filepath.Join(root, filepath.FromSlash(p)))
		if err != nil {
			return nil, fmt.Errorf("path %s relative to %s: %w", p, abs, err)
		}
		if !seen[rel] {
			seen[rel] = true
			out = append(out, rel)
		}
	}
	sort.Strings(out)
	return out, nil
}

func split(z []byte) []string {
	var out []string
	for _, p := range bytes.Split(z, []byte{0}) {
		if len(p) > 0 {
			out = append(out, string(p))
		}
	}
	return out
}

// git runs one git command in dir and returns its standard output; a
// failure carries git's own message.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, fmt.Errorf("%w: %w", ErrNoGit, err)
		}
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			return nil, fmt.Errorf("git %s: %w", args[0], err)
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.Bytes(), nil
}

// Set answers whether a path is among the changed files, however it is
// spelled (relative or absolute, with or without ./).
type Set map[string]bool

// NewSet indexes paths relative to the current folder.
func NewSet(paths []string) Set {
	s := make(Set, len(paths))
	for _, p := range paths {
		s[key(p)] = true
	}
	return s
}

// Has reports whether path is in the set.
func (s Set) Has(path string) bool { return s[key(path)] }

func key(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// WorkTree returns the top of the git work tree that contains dir, found
// by looking for .git from dir upward (a folder, or a file in a linked
// work tree or submodule) without running git; "" outside any.
func WorkTree(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// NotIgnored lists the files under dir that git does not ignore: tracked
// files, and untracked files that no .gitignore, .git/info/exclude or
// global excludes file (core.excludesFile) matches. Paths are relative to
// dir and slash-separated. git itself answers, so every rule of its
// ignore files (negations, nested files, the global file) is exactly as
// git reads it; a tracked file stays listed even if a pattern matches it,
// as git treats it. Files inside a submodule are not listed.
func NotIgnored(dir string) ([]string, error) {
	out, err := git(dir, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("list the files git does not ignore in %s: %w", dir, err)
	}
	return split(out), nil
}

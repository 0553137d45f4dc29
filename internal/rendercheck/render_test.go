package rendercheck

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompare pins the comparator on invented pages: what a safe fix may
// change and what it must not.
func TestCompare(t *testing.T) {
	tests := []struct {
		name, before, after string
		ok                  bool
	}{
		{"doubled word removed", "The the harbour opens.\n", "The harbour opens.\n", true},
		{"spacing and punctuation", "Opens  on Monday ,at nine.\n", "Opens on Monday, at nine.\n", true},
		{"word removed that was not doubled", "The new harbour opens.\n", "The harbour opens.\n", false},
		{"container title swallowed", "::: tip Note\nNote that the pier closes.\n:::\n", "::: tip Note that the pier closes.\n:::\n", false},
		{"container line changed", ":::warning Warning:\nMind the gap.\n:::\n", ":::warning:\nMind the gap.\n:::\n", false},
		{"reference label edited", "Ask on the [the harbour forum].\n\n[the harbour forum]: https://example.org/f\n", "Ask on the [harbour forum].\n\n[the harbour forum]: https://example.org/f\n", false},
		{"doubled word fixed outside the label", "Ask on the [the harbour forum].\n\n[the harbour forum]: https://example.org/f\n", "Ask on [the harbour forum].\n\n[the harbour forum]: https://example.org/f\n", true},
		{"entity replaced", "Set&nbsp;to two.\n", "Set to two.\n", false},
		{"code changed", "Run `a  b` now.\n", "Run `a b` now.\n", false},
		{"shortcode changed", "{{< highlight toml >}}\ntitle  =  'x'\n{{< /highlight >}}\n", "{{< highlight toml >}}\ntitle = 'x'\n{{< /highlight >}}\n", false},
		{"link target changed", "See [the pier](a.md).\n", "See [the pier](b.md).\n", false},
		{"front matter value respaced", "---\ntitle: The  pier\n---\nText.\n", "---\ntitle: The pier\n---\nText.\n", true},
		{"front matter key changed", "---\ntitle: The pier\n---\nText.\n", "---\ntitel: The pier\n---\nText.\n", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := Compare("page.md", []byte(tc.before), []byte(tc.after))
			if (msg == "") != tc.ok {
				t.Errorf("Compare = %q, want ok=%v", msg, tc.ok)
			}
		})
	}
	if msg := Compare("page.mdx", []byte("import A from './a';\n\nText {props.x} here.\n"), []byte("import A from './a';\n\nText {props.y} here.\n")); msg == "" {
		t.Error("an MDX expression changed unnoticed")
	}
}

// TestSharedSites copies each shared docs site, runs `copydesk fix` (safe
// fixes only) through the real binary, and renders every changed page
// before and after with goldmark: the pages must differ only in text a
// rule meant to change.
func TestSharedSites(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and fixes five sites; skipped with -short")
	}
	root, err := filepath.Abs("../../../../shared/corpus")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); err != nil {
		root, _ = filepath.Abs("../../../shared/corpus")
	}
	if _, err := os.Stat(root); err != nil {
		t.Skipf("the shared corpus (../shared/corpus) is not here: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "copydesk")
	build := exec.Command("go", "build", "-o", bin, "./cmd/copydesk")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, site := range []string{"astro-docs", "vite-docs", "docsy-docs", "blog.rust-lang.org", "golang-blog"} {
		t.Run(site, func(t *testing.T) {
			src := filepath.Join(root, site)
			if _, err := os.Stat(src); err != nil {
				t.Skipf("%s is not in the shared corpus", site)
			}
			dst := filepath.Join(t.TempDir(), site)
			orig := map[string][]byte{}
			err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				rel, _ := filepath.Rel(src, p)
				orig[rel] = data
				out := filepath.Join(dst, rel)
				if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
					return err
				}
				return os.WriteFile(out, data, 0o644)
			})
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, "fix", ".")
			cmd.Dir = dst
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			cmd.Stdout = io.Discard
			if err := cmd.Run(); err != nil {
				if strings.Contains(stderr.String(), "no articles here") {
					t.Skipf("copydesk reads no file of %s: %s", site, strings.TrimSpace(stderr.String()))
				}
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 1 {
					t.Fatalf("fix: %v\n%s", err, stderr.String())
				}
			}
			changed, damaged := 0, 0
			for rel, before := range orig {
				after, err := os.ReadFile(filepath.Join(dst, rel))
				if err != nil {
					t.Fatal(err)
				}
				if bytes.Equal(before, after) {
					continue
				}
				changed++
				if !isMarkdown(rel) {
					continue
				}
				if msg := Compare(rel, before, after); msg != "" {
					damaged++
					t.Errorf("%s/%s: %s", site, rel, msg)
					if testing.Verbose() {
						t.Logf("diff:\n%s", lineDiff(before, after))
					}
				}
			}
			t.Logf("%s: %d pages, %d changed by fix, %d damaged", site, len(orig), changed, damaged)
		})
	}
}

func isMarkdown(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".mdx", ".markdown":
		return true
	}
	return false
}

// lineDiff lists the lines that differ, for reading a failure.
func lineDiff(b, a []byte) string {
	lb, la := strings.Split(string(b), "\n"), strings.Split(string(a), "\n")
	var out strings.Builder
	shown := 0
	for i := 0; i < len(lb) && i < len(la) && shown < 4; i++ {
		if lb[i] != la[i] {
			shown++
			out.WriteString("- " + lb[i] + "\n+ " + la[i] + "\n")
		}
	}
	if len(lb) != len(la) {
		out.WriteString("(line count differs)\n")
	}
	return out.String()
}

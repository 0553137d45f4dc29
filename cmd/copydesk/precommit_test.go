package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/copydesk/copydesk/document"
	yaml "go.yaml.in/yaml/v3"
)

// hook is one entry of .pre-commit-hooks.yaml, every field typed so that
// a wrong type fails to decode.
type hook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	Entry         string   `yaml:"entry"`
	Language      string   `yaml:"language"`
	TypesOr       []string `yaml:"types_or"`
	Files         string   `yaml:"files"`
	RequireSerial bool     `yaml:"require_serial"`
	PassFilenames bool     `yaml:"pass_filenames"`
}

func loadHooks(t *testing.T) []hook {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(pkgDir, "..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// Exactly these keys, no more, no fewer.
	var raw []map[string]any
	if err := yaml.Unmarshal(data, &raw); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	wantKeys := []string{"description", "entry", "files", "id", "language", "name", "pass_filenames", "require_serial", "types_or"}
	for i, h := range raw {
		if got := keys(h); !slices.Equal(got, wantKeys) {
			t.Errorf("hook %d keys = %v, want %v", i, got, wantKeys)
		}
	}
	var hooks []hook
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	return hooks
}

func TestPreCommitManifest(t *testing.T) {
	hooks := loadHooks(t)
	if len(hooks) != 2 {
		t.Fatalf("%d hooks, want 2", len(hooks))
	}
	entries := map[string]string{"copydesk": "copydesk lint", "copydesk-fix": "copydesk fix"}
	for _, h := range hooks {
		if entries[h.ID] != h.Entry {
			t.Errorf("hook %q: entry %q, want %q", h.ID, h.Entry, entries[h.ID])
		}
		delete(entries, h.ID)
		if h.Name == "" || h.Description == "" {
			t.Errorf("hook %q: name and description are shown to users", h.ID)
		}
		if h.Language != "golang" || !slices.Equal(h.TypesOr, []string{"markdown", "mdx", "plain-text"}) || !h.RequireSerial || !h.PassFilenames {
			t.Errorf("hook %q: %+v", h.ID, h)
		}
		// Articles match; extensionless files pre-commit tags plain-text,
		// and other text files, do not.
		files := regexp.MustCompile(h.Files)
		for name, want := range map[string]bool{
			"news/a.md": true, "news/b.markdown": true, "news/c.txt": true, "news/D.MD": true,
			"LICENSE": false, "README": false, "main.go": false, "news/e.mdx": true, "news/f.txt.bak": false, "layouts/g.html": false,
		} {
			if preCommitSelects(h, files, name) != want {
				t.Errorf("hook %q: %s selected = %v, want %v", h.ID, name, !want, want)
			}
		}
	}
	if len(entries) > 0 {
		t.Errorf("hooks missing: %v", entries)
	}
	// The hooks pass what a folder walk reads: every extension of the one
	// list in package lint, so that a format added there is added here.
	// HTML is read only when named or included, as a site's templates are
	// .html files too.
	for _, h := range hooks {
		files := regexp.MustCompile(h.Files)
		for _, ext := range document.Extensions() {
			if document.FormatOf("a"+ext) == document.FormatHTML {
				continue
			}
			if !files.MatchString("news/a" + ext) {
				t.Errorf("hook %q: files %q does not match %s, an extension copydesk reads", h.ID, h.Files, ext)
			}
		}
	}
}

// preCommitSelects is pre-commit's file filter for one hook: `files`
// matches and one of `types_or` is among the file's tags, as pre-commit's
// identify library assigns them (by extension, or by name for files such as
// LICENSE).
func preCommitSelects(h hook, files *regexp.Regexp, name string) bool {
	tags := map[string][]string{"md": {"markdown"}, "markdown": {"markdown"}, "mdx": {"mdx"}, "html": {"html"}, "txt": {"plain-text"}}
	var got []string
	if ext := filepath.Ext(name); ext != "" {
		got = tags[strings.ToLower(ext[1:])]
	}
	switch filepath.Base(name) {
	case "LICENSE", "README", "AUTHORS", "CHANGELOG", "NOTICE":
		got = append(got, "plain-text")
	}
	typed := false
	for _, tag := range got {
		typed = typed || slices.Contains(h.TypesOr, tag)
	}
	return typed && files.MatchString(name)
}

var built struct {
	once sync.Once
	bin  string
	err  error
	out  []byte
}

// binary builds copydesk once per test run, as `go install` would for
// pre-commit.
func binary(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "copydesk-bin")
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(dir, "copydesk")
		cmd := exec.Command("go", "build", "-o", built.bin, ".")
		cmd.Dir = pkgDir
		built.out, built.err = cmd.CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	// The runs the tests make keep their cache of context files in a
	// folder of their own, not the user's (binaries run inherit it).
	cacheDir, err := os.MkdirTemp("", "copydesk-test-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Setenv("COPYDESK_CACHE_DIR", cacheDir)
	code := m.Run()
	os.RemoveAll(cacheDir)
	if built.bin != "" {
		os.RemoveAll(filepath.Dir(built.bin))
	}
	if benchDir != "" {
		os.RemoveAll(benchDir) // 20 MB a benchmark run otherwise left in /tmp
	}
	os.Exit(code)
}

// runHook runs a hook's entry as pre-commit does: from the repository root,
// with the staged files it selects appended.
func runHook(t *testing.T, bin string, h hook) (result, []string) {
	t.Helper()
	files := regexp.MustCompile(h.Files)
	var names []string
	for _, n := range strings.Split(strings.TrimSpace(git(t, "diff", "--cached", "--name-only")), "\n") {
		if n != "" && preCommitSelects(h, files, n) {
			names = append(names, n)
		}
	}
	argv := strings.Fields(h.Entry)
	if argv[0] != "copydesk" {
		t.Fatalf("entry %q does not start with the binary's name", h.Entry)
	}
	return exe(t, bin, "", "", nil, append(argv[1:], names...)...), names
}

func TestPreCommitHooks(t *testing.T) {
	hooks := map[string]hook{}
	for _, h := range loadHooks(t) {
		hooks[h.ID] = h
	}
	bin := binary(t)
	gitRepo(t)
	write(t, "news/old.md", "# Old\n\nCommitted earlier with a a slip.\n")
	write(t, "README.md", "# Site\n\nClean.\n")
	gitCommit(t, "start")
	write(t, "news/ferry.md", "# Ferry\n\nThe ferry to to the island leaves at nine.   \n")
	write(t, "news/harbor.txt", "Harbor News\n\nThe new crane arrived on on Monday.\n")
	write(t, "LICENSE", "The the licence text is not an article.\n")
	write(t, "main.go", "package main // the the\n")
	write(t, "news/unstaged.md", "# Draft\n\nNot staged staged yet.\n")
	git(t, "add", "news/ferry.md", "news/harbor.txt", "LICENSE", "main.go")

	r, names := runHook(t, bin, hooks["copydesk"])
	if want := []string{"news/ferry.md", "news/harbor.txt"}; !slices.Equal(names, want) {
		t.Fatalf("files passed: %v, want %v", names, want)
	}
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout,
		"news/ferry.md:3:11: warning [repeated-word]", "news/ferry.md:3:43: warning [trailing-whitespace]",
		"news/harbor.txt:3:23: warning [repeated-word]", "Found 3 problems")
	mustNotContain(t, "stdout", r.stdout, "old.md", "unstaged.md", "LICENSE", "main.go")

	// The fixer changes the files; pre-commit then fails the commit because
	// files were modified, and the author reviews and stages them.
	r, _ = runHook(t, bin, hooks["copydesk-fix"])
	wantCode(t, r, 0)
	mustContain(t, "stdout", r.stdout, "Fixed 3 problems in 2 files; 0 left.")
	if got := string(mustRead(t, "news/ferry.md")); got != "# Ferry\n\nThe ferry to the island leaves at nine.\n" {
		t.Errorf("news/ferry.md = %q", got)
	}
	if got := strings.Fields(git(t, "diff", "--name-only")); !slices.Equal(got, []string{"news/ferry.md", "news/harbor.txt"}) {
		t.Errorf("files modified by the hook: %v", got)
	}
	if got := string(mustRead(t, "news/unstaged.md")); got != "# Draft\n\nNot staged staged yet.\n" {
		t.Errorf("an unstaged file was changed: %q", got)
	}

	// After staging the fixes, both hooks pass.
	git(t, "add", "news")
	git(t, "reset", "-q", "news/unstaged.md")
	for _, id := range []string{"copydesk", "copydesk-fix"} {
		r, _ = runHook(t, bin, hooks[id])
		wantCode(t, r, 0)
	}

	// A problem without a fix: the fixer exits 1 and says what is left.
	write(t, "news/bad.md", "---\ntitle: Museum opens: new gallery\n---\n\nText.\n")
	git(t, "add", "news/bad.md")
	r, _ = runHook(t, bin, hooks["copydesk-fix"])
	wantCode(t, r, 1)
	mustContain(t, "stdout", r.stdout, "news/bad.md:", "[front-matter]", "1 left.")
}

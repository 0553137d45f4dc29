package bulletartifact_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/fixers"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/blanklines"
	"github.com/copydesk/copydesk/rules/bulletartifact"
	"github.com/copydesk/copydesk/rules/imageplaceholder"
	"github.com/copydesk/copydesk/rules/separatorline"
	"github.com/copydesk/copydesk/rules/trailingwhitespace"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", bulletartifact.Rule)
}

func TestIndentationOption(t *testing.T) {
	src, err := os.ReadFile("testdata/export.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse("export.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	all := lint.Check(bulletartifact.Rule, doc, lint.Options{})
	bullets := lint.Check(bulletartifact.Rule, doc, lint.Options{}.With("indentation", false))
	if len(all) != 17 || len(bullets) != 9 {
		t.Fatalf("got %d findings with indentation, %d without; want 17 and 9", len(all), len(bullets))
	}
	for _, d := range bullets {
		if !strings.HasPrefix(d.Message, "bullet ") {
			t.Errorf("indentation: false still reports %q", d.Message)
		}
	}
}

// cleaningRules are the rules whose fixes meet on an export: the three
// cleaning rules and the two whitespace rules that share their lines.
func cleaningRules() []*lint.Rule {
	return []*lint.Rule{bulletartifact.Rule, imageplaceholder.Rule, separatorline.Rule, blanklines.Rule, trailingwhitespace.Rule}
}

func cleaningEngine(t *testing.T) *engine.Engine {
	t.Helper()
	reg, err := lint.NewRegistry(cleaningRules()...)
	if err != nil {
		t.Fatal(err)
	}
	return &engine.Engine{Registry: reg, Config: config.Default("."), Workers: 1}
}

// fix runs the fix loop as `copydesk fix` (unsafe: also --unsafe) does.
func fix(t *testing.T, eng *engine.Engine, path string, src []byte, unsafe bool) []byte {
	t.Helper()
	relint := func(b []byte) ([]lint.Diagnostic, error) { return eng.LintSource(engine.Input{Path: path, Src: b}) }
	first, err := relint(src)
	if err != nil {
		t.Fatal(err)
	}
	want := func(d lint.Diagnostic) bool { return d.Fix != nil && (unsafe || d.Fix.Applicability == lint.Safe) }
	r, err := fixers.Loop(src, first, relint, want, 10)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Converged {
		t.Fatalf("%s: the fix loop did not converge in 10 passes", path)
	}
	for _, d := range r.Remaining {
		if want(d) {
			t.Errorf("%s: after fixing, [%s] %s", path, d.Rule, d.Message)
		}
	}
	return r.Src
}

// TestFixExport fixes whole list-page exports, and an article with image
// leftovers beside a run of blank lines, with the cleaning rules and the
// whitespace rules together, and checks that the result is a clean
// plain-text article that the parser reads as it read the original.
func TestFixExport(t *testing.T) {
	eng := cleaningEngine(t)
	paths := []string{"../../testdata/articles/academy-fellows-list-page.txt", "testdata/export.txt", "testdata/export-crlf.txt",
		"../../testdata/articles/harbor-science-festival.txt"}
	for _, path := range paths {
		for _, unsafe := range []bool{false, true} {
			name := filepath.Base(path)
			if unsafe {
				name += "/unsafe"
			}
			t.Run(name, func(t *testing.T) {
				src, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				out := fix(t, eng, path, src, unsafe)
				before, after := mustParse(t, path, src), mustParse(t, path, out)
				if after.Title != before.Title || after.Title == "" {
					t.Errorf("title %q became %q", before.Title, after.Title)
				}
				if before.Date == nil || after.Date == nil || after.Date.Raw != before.Date.Raw {
					t.Errorf("date %+v became %+v", before.Date, after.Date)
				}
				if !reflect.DeepEqual(navs(before), navs(after)) || len(before.Nav) == 0 {
					t.Errorf("navigation %v became %v", navs(before), navs(after))
				}
				checkClean(t, src, out, unsafe)
				// Captions and bylines stay, whatever was deleted around them.
				for _, b := range before.Blocks {
					if b.Role == document.RoleCaption || b.Role == document.RoleByline {
						text := string(src[b.Prose.Start:b.Prose.End])
						if !bytes.Contains(out, []byte(strings.TrimSpace(text))) {
							t.Errorf("%s %q is gone", b.Role, text)
						}
					}
				}
				if got := fix(t, eng, path, out, unsafe); !bytes.Equal(got, out) {
					t.Errorf("fixing again changed the text:\n%s", fixers.Unified(path, out, got))
				}
			})
		}
	}
}

// TestFixKeepsParse fixes every plain-text article of the three cleaning
// rules' testdata and the sample articles, and checks that the parser finds
// the same title, date and navigation afterwards.
func TestFixKeepsParse(t *testing.T) {
	eng := cleaningEngine(t)
	var paths []string
	for _, pattern := range []string{"testdata/*.txt", "../imageplaceholder/testdata/*.txt", "../separatorline/testdata/*.txt", "../../testdata/articles/*.txt"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 20 {
		t.Fatalf("found only %d articles", len(paths))
	}
	for _, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		before := mustParse(t, path, src)
		for _, unsafe := range []bool{false, true} {
			after := mustParse(t, path, fix(t, eng, path, src, unsafe))
			if after.Title != before.Title && before.Title != "" {
				t.Errorf("%s (unsafe %v): title %q became %q", path, unsafe, before.Title, after.Title)
			}
			if (before.Date == nil) != (after.Date == nil) || before.Date != nil && before.Date.Raw != after.Date.Raw {
				t.Errorf("%s (unsafe %v): date %+v became %+v", path, unsafe, before.Date, after.Date)
			}
			if !reflect.DeepEqual(navs(before), navs(after)) {
				t.Errorf("%s (unsafe %v): navigation %v became %v", path, unsafe, navs(before), navs(after))
			}
		}
	}
}

// TestFixExportText pins the whole result on a small export.
func TestFixExportText(t *testing.T) {
	src := "  • Institute News\n\n  • Harbor City Museum signs partnership with Lakeside University\n----------\n\n" +
		"  • Date:2025-03-14 09:30\n\n  • photo_01.jpg\n\n  • At the signing ceremony\n\n" +
		"    On March 12, Anna Berg led a delegation to Lakeside University. \n\n\n" +
		"  • __________\n\n    Both sides agreed to open a joint laboratory.\n\n" +
		"  • Text and photo by the Museum's communications office\n\n" +
		"  • [next]:Museum opens new gallery on ocean research\n  • [previous]:Winter lecture series concludes\n"
	safe := "Institute News\n\nHarbor City Museum signs partnership with Lakeside University\n\n" +
		"Date:2025-03-14 09:30\n\nphoto_01.jpg\n\nAt the signing ceremony\n\n" +
		"On March 12, Anna Berg led a delegation to Lakeside University.\n\n" +
		"Both sides agreed to open a joint laboratory.\n\n" +
		"Text and photo by the Museum's communications office\n\n" +
		"[next]:Museum opens new gallery on ocean research\n[previous]:Winter lecture series concludes\n"
	unsafe := strings.Replace(safe, "photo_01.jpg\n\n", "", 1)
	eng := cleaningEngine(t)
	for _, crlf := range []bool{false, true} {
		in, wantSafe, wantUnsafe := src, safe, unsafe
		if crlf {
			in, wantSafe, wantUnsafe = toCRLF(in), toCRLF(wantSafe), toCRLF(wantUnsafe)
		}
		if got := string(fix(t, eng, "export.txt", []byte(in), false)); got != wantSafe {
			t.Errorf("crlf=%v: safe fixes:\n%s", crlf, fixers.Unified("export.txt", []byte(wantSafe), []byte(got)))
		}
		if got := string(fix(t, eng, "export.txt", []byte(in), true)); got != wantUnsafe {
			t.Errorf("crlf=%v: all fixes:\n%s", crlf, fixers.Unified("export.txt", []byte(wantUnsafe), []byte(got)))
		}
	}
}

func toCRLF(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

func mustParse(t *testing.T, path string, src []byte) *document.Document {
	t.Helper()
	doc, err := parse.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func navs(doc *document.Document) []string {
	var out []string
	for _, n := range doc.Nav {
		out = append(out, n.Dir.String()+" "+n.Label+" "+n.Target)
	}
	return out
}

// checkClean asserts what a clean plain-text article looks like: no line
// starts with indentation or a bullet, no separator line, no trailing
// whitespace, no run of blank lines, line endings as in the original.
func checkClean(t *testing.T, src, out []byte, unsafe bool) {
	t.Helper()
	crlf := bytes.Contains(src, []byte("\r\n"))
	lines := strings.Split(string(out), "\n")
	blank := 0
	for i, line := range lines {
		if i == len(lines)-1 && line == "" {
			break
		}
		if crlf != strings.HasSuffix(line, "\r") {
			t.Errorf("line %d: line ending changed: %q", i+1, line)
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			blank++
			if blank > 1 {
				t.Errorf("line %d: a second blank line in a row", i+1)
			}
			continue
		}
		blank = 0
		r, _ := utf8.DecodeRuneInString(line)
		if r == ' ' || r == '\t' || r == '\u00a0' || parse.IsBulletGlyph(r) && !strings.HasPrefix(line, "• guided") && !strings.HasPrefix(line, "• a morning") {
			t.Errorf("line %d still starts with %q: %q", i+1, r, line)
		}
		if strings.Trim(line, "-_=*") == "" {
			t.Errorf("line %d is a separator: %q", i+1, line)
		}
		if strings.TrimRight(line, " \t\u00a0") != line {
			t.Errorf("line %d has trailing whitespace: %q", i+1, line)
		}
		if unsafe && parse.IsImageFileName([]byte(line)) {
			t.Errorf("line %d is an image file name: %q", i+1, line)
		}
	}
}

// BenchmarkRule times the rule alone; MB/s is over the articles' bytes.
func BenchmarkRule(b *testing.B) { linttest.Bench(b, bulletartifact.Rule) }

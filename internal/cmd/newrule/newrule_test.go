package main

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestNewRule(t *testing.T) {
	tests := []struct {
		id, category string
		pkg          string // "" when refused
		err          string
	}{
		{"long-sentence", "typography", "longsentence", ""},
		{"passive-voice", "cleaning", "passivevoice", ""},
		{"h1", "metadata", "h1", ""},
		{"link-to-http2", "links", "linktohttp2", ""},
		{"", "typography", "", "not kebab-case"},
		{"Long-Sentence", "typography", "", "not kebab-case"},
		{"long_sentence", "typography", "", "not kebab-case"},
		{"long sentence", "typography", "", "not kebab-case"},
		{"-long", "typography", "", "not kebab-case"},
		{"long-", "typography", "", "not kebab-case"},
		{"long--sentence", "typography", "", "not kebab-case"},
		{"3d-text", "typography", "", "not kebab-case"}, // a package name starts with a letter
		{"Style.Rule", "typography", "", "not kebab-case"},
		{"phrasé", "typography", "", "not kebab-case"},
		{"func", "typography", "", "Go keyword"},
		{"go-to", "typography", "", "Go keyword"},
		{"long-sentence", "style", "", `category "style"`},
		{"long-sentence", "suppression", "", `category "suppression"`},
		{"long-sentence", "", "", `category ""`},
	}
	for _, tt := range tests {
		r, err := newRule(tt.id, tt.category)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("newRule(%q, %q): %v", tt.id, tt.category, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("newRule(%q, %q) = %+v, %v; want an error saying %q", tt.id, tt.category, r, err, tt.err)
		case tt.err == "" && (r.Pkg != tt.pkg || r.ID != tt.id || categories[tt.category] != r.Category):
			t.Errorf("newRule(%q, %q) = %+v, want package %q", tt.id, tt.category, r, tt.pkg)
		}
	}
}

// repoRoot is the module this test is part of.
func repoRoot(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := moduleRoot(wd)
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// registered reads rules.go's rule imports and All()'s packages.
func registered(t *testing.T, src []byte) (imports, listed []string) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "rules.go", src, 0)
	if err != nil {
		t.Fatalf("rules.go does not parse: %v\n%s", err, src)
	}
	for _, spec := range f.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		if rest, ok := strings.CutPrefix(p, module+"/rules/"); ok {
			imports = append(imports, rest)
		}
	}
	ast.Inspect(f, func(n ast.Node) bool {
		// pkg.Rule in All()'s list; lint.Rule is the type All returns.
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Rule" {
			if x := sel.X.(*ast.Ident).Name; x != "lint" {
				listed = append(listed, x)
			}
		}
		return true
	})
	return imports, listed
}

func TestRegister(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "rules", "rules.go"))
	if err != nil {
		t.Fatal(err)
	}
	before, listedBefore := registered(t, src)
	if len(before) < 2 || !slices.Equal(before, listedBefore) {
		t.Fatalf("rules.go imports %v and lists %v: not the file this test knows", before, listedBefore)
	}
	for _, pkg := range []string{"aaafirst", "longsentence", "zzzlast"} {
		out, err := register(src, pkg)
		if err != nil {
			t.Fatalf("register(%s): %v", pkg, err)
		}
		if formatted, err := format.Source(out); err != nil || !bytes.Equal(formatted, out) {
			t.Errorf("register(%s): the file is not gofmt'd (%v)", pkg, err)
		}
		imports, listed := registered(t, out)
		want := slices.Sorted(slices.Values(append(slices.Clone(before), pkg)))
		if !slices.Equal(imports, want) {
			t.Errorf("register(%s): imports %v, want %v", pkg, imports, want)
		}
		if !slices.Equal(listed, want) {
			t.Errorf("register(%s): All() lists %v, want %v", pkg, listed, want)
		}
		if got := bytes.Count(out, []byte("\n")) - bytes.Count(src, []byte("\n")); got != 2 {
			t.Errorf("register(%s) changed %d lines, want 2 added", pkg, got)
		}
	}
	for _, pkg := range []string{"nbsp", "lint"} {
		if _, err := register(src, pkg); err == nil || !strings.Contains(err.Error(), "imported already") {
			t.Errorf("register(%s) = %v, want a refusal: a package of that name is imported", pkg, err)
		}
	}
	if _, err := register([]byte("package rules\n\nimport \""+module+"/rules/nbsp\"\n\nfunc All() {}\n"), "x"); err == nil {
		t.Errorf("register accepted a rules.go without `return append(lint.Builtin(), ...)`")
	}
}

// fakeRoot lays out the files create reads: the rule list, one rule, and
// the engine's built-in rules.
func fakeRoot(t *testing.T) string {
	t.Helper()
	repo, root := repoRoot(t), t.TempDir()
	for _, f := range []string{"go.mod", "rules/rules.go", "rules/nbsp/nbsp.go", "lint/builtin.go"} {
		data, err := os.ReadFile(filepath.Join(repo, f))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestCreate(t *testing.T) {
	root := fakeRoot(t)
	r, err := newRule("long-sentence", "cleaning")
	if err != nil {
		t.Fatal(err)
	}
	written, err := create(root, r)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"rules/longsentence/longsentence.go", "rules/longsentence/longsentence_test.go", "rules/longsentence/testdata/article.md", "rules/rules.go"}
	if !slices.Equal(written, want) {
		t.Errorf("create wrote %q, want %q", written, want)
	}
	read := func(p string) []byte {
		data, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	fset := token.NewFileSet()
	for _, tt := range []struct{ file, pkg, holds string }{
		{"rules/longsentence/longsentence.go", "longsentence", `ID:       "long-sentence",`},
		{"rules/longsentence/longsentence.go", "longsentence", "Category: lint.CategoryCleaning,"},
		{"rules/longsentence/longsentence_test.go", "longsentence_test", `linttest.Run(t, "testdata", longsentence.Rule)`},
	} {
		src := read(tt.file)
		f, err := parser.ParseFile(fset, tt.file, src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s does not parse: %v", tt.file, err)
		}
		if f.Name.Name != tt.pkg || f.Doc == nil && tt.pkg == "longsentence" {
			t.Errorf("%s: package %s (doc comment %v), want %s with a doc comment", tt.file, f.Name.Name, f.Doc != nil, tt.pkg)
		}
		if !bytes.Contains(src, []byte(tt.holds)) {
			t.Errorf("%s does not hold %q", tt.file, tt.holds)
		}
	}
	if article := read("rules/longsentence/testdata/article.md"); !bytes.Contains(article, []byte(`xyzzy. <!-- want long-sentence "xyzzy" -->`)) {
		t.Errorf("the test article carries no expectation for the placeholder:\n%s", article)
	}
	if imports, listed := registered(t, read("rules/rules.go")); !slices.Contains(imports, "longsentence") || !slices.Contains(listed, "longsentence") {
		t.Errorf("rules.go: imports %v, All() lists %v; want longsentence in both", imports, listed)
	}

	// Refusals write nothing.
	list := read("rules/rules.go")
	for _, tt := range []struct{ id, err string }{
		{"long-sentence", `rule "long-sentence" exists already (rules/longsentence/longsentence.go)`},
		{"nbsp", `rule "nbsp" exists already (rules/nbsp/nbsp.go)`},
		{"unused-suppression", `exists already (lint/builtin.go)`},
		{"nb-sp", `rules/nbsp exists already`},
	} {
		r, err := newRule(tt.id, "typography")
		if err != nil {
			t.Fatal(err)
		}
		written, err := create(root, r)
		if err == nil || !strings.Contains(err.Error(), tt.err) || len(written) > 0 {
			t.Errorf("create(%s) = %q, %v; want nothing written and an error saying %q", tt.id, written, err, tt.err)
		}
	}
	if !bytes.Equal(read("rules/rules.go"), list) {
		t.Errorf("a refused rule changed rules.go")
	}
}

func TestSpliceTable(t *testing.T) {
	readme := "# x\n\n" + tableMarker + " `cmd` -->\n| a | b |\n| --- | --- |\n| old | row |\n\nAfter.\n"
	got, err := spliceTable([]byte(readme), []byte("| a | b |\n| --- | --- |\n| new | row |\n"))
	want := "# x\n\n" + tableMarker + " `cmd` -->\n| a | b |\n| --- | --- |\n| new | row |\n\nAfter.\n"
	if err != nil || string(got) != want {
		t.Errorf("spliceTable = %q, %v; want %q", got, err, want)
	}
	for _, bad := range []string{"# no marker\n", tableMarker + " -->", tableMarker + " -->\n| a |\n"} {
		if _, err := spliceTable([]byte(bad), []byte("| t |\n")); err == nil {
			t.Errorf("spliceTable(%q) accepted a README without a table to replace", bad)
		}
	}
}

// TestScaffoldInModuleCopy runs the command in a copy of the repository
// and then the go tool: the new package vets and passes its tests, the
// docs tests find the docs fresh, and the rule list's test rejects the
// placeholder doc until it is written.
func TestScaffoldInModuleCopy(t *testing.T) {
	if testing.Short() {
		t.Skip("builds copydesk in a copy of the module; skipped with -short")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	repo, root := repoRoot(t), t.TempDir()
	err := filepath.WalkDir(repo, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(repo, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(root, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(root, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "rules"))
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-category", "cleaning", "long-sentence"}, &stdout, &stderr); code != 0 {
		t.Fatalf("newrule exit %d:\n%s%s", code, stdout.Bytes(), stderr.Bytes())
	}
	if code := run([]string{"long-sentence"}, io.Discard, &stderr); code != 1 || !strings.Contains(stderr.String(), "exists already") {
		t.Errorf("a second run: exit %d, stderr %q; want 1 and a refusal", code, stderr.String())
	}
	gotool := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := gotool("vet", "./rules/longsentence"); err != nil {
		t.Errorf("go vet: %v\n%s", err, out)
	}
	// One go test for the three packages, which it builds in parallel.
	out, err := gotool("test", "-count=1", "-run", "^(TestRule|TestDocExamples|TestRegistry|TestReadmeRuleTableFresh|TestRulesDocFresh)$",
		"./rules/longsentence", "./rules", "./cmd/copydesk")
	for _, want := range []string{
		"ok  \t" + module + "/rules/longsentence",
		"ok  \t" + module + "/cmd/copydesk", // the docs are fresh
		"long-sentence: doc still holds the scaffold's TODO text",
		"FAIL\t" + module + "/rules\t",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go test: the output lacks %q (%v):\n%s", want, err, out)
		}
	}
}

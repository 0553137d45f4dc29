package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/copydesk/copydesk/lint"
)

const module = "github.com/copydesk/copydesk"

// categories maps the categories a new rule may take to their constants in
// lint; suppression rules are the engine's, style rules come from files.
var categories = map[string]string{
	lint.CategoryTypography: "CategoryTypography",
	lint.CategoryCleaning:   "CategoryCleaning",
	lint.CategoryMetadata:   "CategoryMetadata",
	lint.CategoryLinks:      "CategoryLinks",
	lint.CategoryNames:      "CategoryNames",
}

func categoryList() string {
	var names []string
	for c := range categories {
		names = append(names, c)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// A rule is what the scaffold writes from: the ID, the package named after
// it, and the category's constant.
type rule struct {
	ID, Pkg, Category string
}

// kebab is the form of a rule ID that also makes a Go package name once
// its dashes are gone: it starts with a letter.
var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func newRule(id, category string) (rule, error) {
	if !kebab.MatchString(id) {
		return rule{}, fmt.Errorf("rule name %q is not kebab-case: lower-case letters and digits in words joined by single dashes, starting with a letter (as in repeated-word)", id)
	}
	pkg := strings.ReplaceAll(id, "-", "")
	if token.IsKeyword(pkg) {
		return rule{}, fmt.Errorf("rule name %q would make a package named %q, a Go keyword; choose another name", id, pkg)
	}
	c, ok := categories[category]
	if !ok {
		return rule{}, fmt.Errorf("category %q: a new rule takes one of %s", category, categoryList())
	}
	return rule{ID: id, Pkg: pkg, Category: c}, nil
}

// moduleRoot finds the folder of copydesk's go.mod at dir or above it.
func moduleRoot(dir string) (string, error) {
	for d := dir; ; d = filepath.Dir(d) {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			if bytes.HasPrefix(data, []byte("module "+module+"\n")) {
				return d, nil
			}
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("run newrule inside the copydesk repository: no go.mod of %s at or above %s", module, dir)
		}
	}
}

// create writes the rule's package and adds it to rules/rules.go. It
// checks everything before it writes anything, and returns the files it
// wrote, relative to root, even when it fails part way.
func create(root string, r rule) ([]string, error) {
	regFile := filepath.Join(root, "rules", "rules.go")
	regSrc, err := os.ReadFile(regFile)
	if err != nil {
		return nil, fmt.Errorf("read the rule list: %w", err)
	}
	ids, err := registeredIDs(root)
	if err != nil {
		return nil, err
	}
	if where, ok := ids[r.ID]; ok {
		return nil, fmt.Errorf("rule %q exists already (%s)", r.ID, where)
	}
	dir := filepath.Join(root, "rules", r.Pkg)
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("rules/%s exists already: rule %q needs that package", r.Pkg, r.ID)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	newReg, err := register(regSrc, r.Pkg)
	if err != nil {
		return nil, fmt.Errorf("rules/rules.go: %w", err)
	}
	files := []struct{ name, tmpl string }{
		{r.Pkg + ".go", ruleTemplate},
		{r.Pkg + "_test.go", testTemplate},
		{filepath.Join("testdata", "article.md"), articleTemplate},
	}
	if err := os.MkdirAll(filepath.Join(dir, "testdata"), 0o755); err != nil {
		return nil, err
	}
	var written []string
	for _, f := range files {
		var b bytes.Buffer
		if err := template.Must(template.New(f.name).Parse(f.tmpl)).Execute(&b, r); err != nil {
			return written, err
		}
		out := b.Bytes()
		if strings.HasSuffix(f.name, ".go") {
			if out, err = format.Source(out); err != nil {
				return written, fmt.Errorf("the template of %s does not format: %w", f.name, err)
			}
		}
		p := filepath.Join(dir, f.name)
		if err := writeNew(p, out); err != nil {
			return written, err
		}
		written = append(written, rel(root, p))
	}
	if err := os.WriteFile(regFile, newReg, 0o644); err != nil {
		return written, err
	}
	return append(written, rel(root, regFile)), nil
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// writeNew writes a file that must not exist yet.
func writeNew(p string, data []byte) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// registeredIDs finds the ID of every rule written in Go, the rule
// packages' (under rules/) and the engine's built-in ones (in lint/), by
// the `ID: "..."` field of a composite literal. It maps each ID to the file
// that declares it.
func registeredIDs(root string) (map[string]string, error) {
	ids := map[string]string{}
	fset := token.NewFileSet()
	for _, top := range []string{"rules", "lint"} {
		topDir := filepath.Join(root, top)
		err := filepath.WalkDir(topDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || top == "lint" && p != topDir) {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				kv, ok := n.(*ast.KeyValueExpr)
				if !ok {
					return true
				}
				key, ok := kv.Key.(*ast.Ident)
				lit, isLit := kv.Value.(*ast.BasicLit)
				if !ok || key.Name != "ID" || !isLit || lit.Kind != token.STRING {
					return true
				}
				if id, err := strconv.Unquote(lit.Value); err == nil {
					ids[id] = rel(root, p)
				}
				return true
			})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("look for the rules already written: %w", err)
		}
	}
	return ids, nil
}

// register adds the package's import and its Rule to All() in
// rules/rules.go, each in its sorted place, and returns the file gofmt'd.
func register(src []byte, pkg string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "rules.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	lineStart := func(o int) int { return bytes.LastIndexByte(src[:o], '\n') + 1 }
	lineEnd := func(o int) int { return o + bytes.IndexByte(src[o:], '\n') + 1 }

	// The import, among the rule packages' imports.
	newPath := module + "/rules/" + pkg
	importAt := -1
	var last *ast.ImportSpec
	for _, spec := range f.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, err
		}
		if path.Base(p) == pkg || spec.Name != nil && spec.Name.Name == pkg {
			return nil, fmt.Errorf("a package named %q is imported already (%s)", pkg, p)
		}
		if !strings.HasPrefix(p, module+"/rules/") {
			continue
		}
		if importAt < 0 && p > newPath {
			importAt = lineStart(off(spec.Pos()))
		}
		last = spec
	}
	if last == nil {
		return nil, errors.New("no rule package imported: not the file newrule knows")
	}
	if importAt < 0 {
		importAt = lineEnd(off(last.End()))
	}

	// The element of All()'s append(lint.Builtin(), ...).
	var call *ast.CallExpr
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "All" || fn.Body == nil {
			continue
		}
		for _, st := range fn.Body.List {
			if ret, ok := st.(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				if c, ok := ret.Results[0].(*ast.CallExpr); ok {
					if id, ok := c.Fun.(*ast.Ident); ok && id.Name == "append" && len(c.Args) >= 2 {
						call = c
					}
				}
			}
		}
	}
	if call == nil {
		return nil, errors.New("no `return append(lint.Builtin(), ...)` in All(): not the file newrule knows")
	}
	ruleAt := -1
	for _, a := range call.Args[1:] {
		var x *ast.Ident
		if sel, ok := a.(*ast.SelectorExpr); ok && sel.Sel.Name == "Rule" {
			x, _ = sel.X.(*ast.Ident)
		}
		if x == nil {
			return nil, fmt.Errorf("All() lists %s, not a package's Rule", src[off(a.Pos()):off(a.End())])
		}
		if x.Name > pkg {
			ruleAt = lineStart(off(a.Pos()))
			break
		}
	}
	if ruleAt < 0 {
		ruleAt = lineEnd(off(call.Args[len(call.Args)-1].End()))
	}

	// Both insertions are whole lines; the later one goes in first so that
	// the earlier offset stays true.
	out := slices.Clone(src)
	out = slices.Insert(out, ruleAt, []byte("\t\t"+pkg+".Rule,\n")...)
	out = slices.Insert(out, importAt, []byte("\t\""+newPath+"\"\n")...)
	return format.Source(out)
}

// regenerate writes docs/rules.md and README.md's rule table from a
// copydesk built with the new rule, as the docs tests want them.
func regenerate(root string) error {
	tmp, err := os.MkdirTemp("", "newrule-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "copydesk")
	build := exec.Command("go", "build", "-o", bin, "./cmd/copydesk")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("build copydesk with the new rule (the docs are not regenerated): %w\n%s", err, out)
	}
	rules := func(format string) ([]byte, error) {
		cmd := exec.Command(bin, "rules", "--format", format)
		cmd.Dir = root
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("copydesk rules --format %s: %w\n%s", format, err, stderr.Bytes())
		}
		return out, nil
	}
	md, err := rules("markdown")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(root, "docs", "rules.md"), md, 0o644); err != nil {
		return err
	}
	table, err := rules("table")
	if err != nil {
		return err
	}
	readme := filepath.Join(root, "README.md")
	text, err := os.ReadFile(readme)
	if err != nil {
		return err
	}
	text, err = spliceTable(text, table)
	if err != nil {
		return fmt.Errorf("README.md: %w", err)
	}
	return os.WriteFile(readme, text, 0o644)
}

// tableMarker starts the line above README.md's generated rule table; the
// table runs to the next blank line.
const tableMarker = "<!-- rule table: generated by"

func spliceTable(readme, table []byte) ([]byte, error) {
	i := bytes.Index(readme, []byte(tableMarker))
	if i < 0 {
		return nil, fmt.Errorf("no %q line above the rule table", tableMarker)
	}
	start := i + bytes.IndexByte(readme[i:], '\n') + 1
	if start <= i {
		return nil, errors.New("the rule table's marker is the last line")
	}
	n := bytes.Index(readme[start:], []byte("\n\n"))
	if n < 0 {
		return nil, errors.New("no blank line after the rule table")
	}
	end := start + n + 1
	if !bytes.HasSuffix(table, []byte("\n")) {
		table = append(table, '\n')
	}
	return slices.Concat(readme[:start], table, readme[end:]), nil
}

// Command vale compares copydesk's house-style rules with Vale on the same
// pages and the same styles: findings that agree (same file, line and rule)
// in both directions, per style package, and the CPU time of each tool,
// measured as child processes in one run. Vale is not a dependency: pass
// the path of a vale binary (v3.22.0 installs with
// `go install github.com/vale-cli/vale/v3/cmd/vale@v3.22.0`).
//
// Usage:
//
//	go run ./internal/evaluate/vale -vale ~/go/bin/vale [-shared ../shared] [-sites astro-docs,vite-docs,docsy-docs] [-v N]
//
// Pages are copied to a temporary folder first, .mdx renamed .md, because
// copydesk reads Markdown by extension and Vale needs an extra program for
// MDX: both tools then read the same Markdown.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/copydesk/copydesk/rules"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type key struct {
	file string
	line int
	rule string
}

func run(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("vale", flag.ContinueOnError)
	fset.SetOutput(stderr)
	vale := fset.String("vale", "vale", "the vale binary")
	shared := fset.String("shared", "../shared", "the shared folder: corpus/ and styles/")
	sites := fset.String("sites", "astro-docs,vite-docs,docsy-docs", "docs sites under corpus/, comma-separated")
	pkgs := fset.String("styles", "Microsoft,write-good,proselint,alex", "style packages under styles/")
	verbose := fset.Int("v", 0, "print this many disagreements per package and direction")
	repeat := fset.Int("repeat", 1, "runs of each tool; the CPU time is the least")
	hugo := fset.Bool("hugo", true, "give Vale the ignores of its Hugo package (shortcodes are markup), as a Hugo site configures it")
	if err := fset.Parse(args); err != nil {
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "vale: %v\n", err)
		return 2
	}
	stylesDir, err := filepath.Abs(filepath.Join(*shared, "styles"))
	if err != nil {
		return fail(err)
	}
	tmp, err := os.MkdirTemp("", "copydesk-vale-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(tmp)
	pages := filepath.Join(tmp, "pages")
	files := 0
	for _, site := range strings.Split(*sites, ",") {
		n, err := copyPages(filepath.Join(*shared, "corpus", site), filepath.Join(pages, site))
		if err != nil {
			return fail(err)
		}
		files += n
	}
	styles := strings.Split(*pkgs, ",")
	ini := fmt.Sprintf("StylesPath = %s\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = %s\n", stylesDir, strings.Join(styles, ", "))
	if *hugo {
		// What Vale's Hugo package (vale.sh/hub/hugo) sets: a shortcode
		// alone on its line, a highlight shortcode's body, and shortcodes
		// inside a line are markup. copydesk reads them as markup too, so
		// without these the tools disagree on text neither calls prose.
		ini += "BlockIgnores = (?sm)^({{[%<] [^{]*? [%>]}})\\n$, (?s) *({{< highlight [^>]* ?>}}.*?{{< ?/ ?highlight >}})\n" +
			"TokenIgnores = ({{[%<] .*? [%>]}})\n"
	}
	if err := os.WriteFile(filepath.Join(tmp, ".vale.ini"), []byte(ini), 0o644); err != nil {
		return fail(err)
	}
	var cfg strings.Builder
	fmt.Fprintf(&cfg, "styles:\n  path: %q\n  use: [%s]\nrules:\n", stylesDir, strings.Join(styles, ", "))
	for _, r := range rules.All() {
		if !r.Builtin {
			fmt.Fprintf(&cfg, "  %s: off\n", r.ID)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ".copydesk.yaml"), []byte(cfg.String()), 0o644); err != nil {
		return fail(err)
	}
	bin := filepath.Join(tmp, "copydesk")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/copydesk").CombinedOutput(); err != nil {
		return fail(fmt.Errorf("build copydesk: %w\n%s", err, out))
	}

	var valeOut, cdOut []byte
	var valeCPU, cdCPU time.Duration
	for i := 0; i < *repeat; i++ {
		out, cpu, err := timed(tmp, *vale, "--output", "JSON", "--no-exit", "pages")
		if err != nil {
			return fail(fmt.Errorf("vale: %w\n%s", err, out))
		}
		if valeCPU == 0 || cpu < valeCPU {
			valeCPU = cpu
		}
		valeOut = out
		out, cpu, err = timed(tmp, bin, "lint", "--format", "json", "--fail-level", "none", "pages")
		if err != nil {
			return fail(fmt.Errorf("copydesk: %w\n%s", err, out))
		}
		if cdCPU == 0 || cpu < cdCPU {
			cdCPU = cpu
		}
		cdOut = out
	}
	v, err := readVale(valeOut)
	if err != nil {
		return fail(err)
	}
	c, err := readCopydesk(cdOut)
	if err != nil {
		return fail(err)
	}
	fmt.Fprintf(stdout, "%d pages (%s), styles %s\n\n", files, *sites, strings.Join(styles, ", "))
	fmt.Fprintf(stdout, "%-12s %8s %8s %8s %14s %14s\n", "package", "vale", "copydesk", "same", "of vale's", "of copydesk's")
	totV, totC, totS := 0, 0, 0
	for _, pkg := range append(styles, "all") {
		nv, nc, same := 0, 0, 0
		var onlyV, onlyC []string
		for k, n := range v {
			if pkg != "all" && !strings.HasPrefix(k.rule, pkg+".") {
				continue
			}
			nv += n
			m := min(n, c[k])
			same += m
			if n > m {
				onlyV = append(onlyV, fmt.Sprintf("%s:%d %s (vale %d, copydesk %d)", k.file, k.line, k.rule, n, c[k]))
			}
		}
		for k, n := range c {
			if pkg != "all" && !strings.HasPrefix(k.rule, pkg+".") {
				continue
			}
			nc += n
			if n > v[k] {
				onlyC = append(onlyC, fmt.Sprintf("%s:%d %s (copydesk %d, vale %d)", k.file, k.line, k.rule, n, v[k]))
			}
		}
		if pkg == "all" {
			totV, totC, totS = nv, nc, same
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%-12s %8d %8d %8d %13.1f%% %13.1f%%\n", pkg, nv, nc, same, pct(same, nv), pct(same, nc))
		if pkg != "all" && nv > same {
			why, markup := whyOnly(tmp, v, c, pkg)
			fmt.Fprintf(stdout, "    vale only, by the line Vale names: %s; of Vale's on the other lines: %.1f%%\n", why, pct(same, nv-markup))
		}
		if *verbose > 0 && pkg != "all" {
			sort.Strings(onlyV)
			sort.Strings(onlyC)
			for i, s := range onlyV {
				if i == *verbose {
					break
				}
				fmt.Fprintf(stdout, "    vale only: %s\n", s)
			}
			for i, s := range onlyC {
				if i == *verbose {
					break
				}
				fmt.Fprintf(stdout, "    copydesk only: %s\n", s)
			}
		}
	}
	_ = totV
	_ = totC
	_ = totS
	fmt.Fprintf(stdout, "\nCPU time (user+system, least of %d): vale %.2fs, copydesk %.3fs: %.1fx less\n", *repeat, valeCPU.Seconds(), cdCPU.Seconds(), valeCPU.Seconds()/cdCPU.Seconds())
	return 0
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

func timed(dir, bin string, args ...string) ([]byte, time.Duration, error) {
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var out strings.Builder
	cmd.Stdout = &out
	var errb strings.Builder
	cmd.Stderr = &errb
	err := cmd.Run()
	if err != nil {
		return []byte(errb.String()), 0, err
	}
	st := cmd.ProcessState
	return []byte(out.String()), st.UserTime() + st.SystemTime(), nil
}

// copyPages copies a site's Markdown and MDX pages, MDX renamed .md.
func copyPages(from, to string) (int, error) {
	n := 0
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if ext != ".md" && ext != ".mdx" {
			return nil
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, strings.TrimSuffix(rel, ext)+".md")
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		n++
		return os.WriteFile(dst, data, 0o644)
	})
	return n, err
}

func readVale(data []byte) (map[key]int, error) {
	var raw map[string][]struct {
		Check string
		Line  int
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("read vale's JSON: %w", err)
	}
	out := map[key]int{}
	for file, alerts := range raw {
		for _, a := range alerts {
			out[key{filepath.ToSlash(file), a.Line, a.Check}]++
		}
	}
	return out, nil
}

func readCopydesk(data []byte) (map[key]int, error) {
	var raw struct {
		Diagnostics []struct {
			Path string
			Line int
			Rule string
		}
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("read copydesk's JSON: %w", err)
	}
	out := map[key]int{}
	for _, d := range raw.Diagnostics {
		if !strings.Contains(d.Rule, ".") {
			continue
		}
		out[key{filepath.ToSlash(d.Path), d.Line, d.Rule}]++
	}
	return out, nil
}

// whyOnly sorts the findings only Vale made of a package by the kind of
// line Vale puts them on: a front matter line (Vale places a finding by
// searching the file for its text, and the words of a title are found
// there first), a container or shortcode line (markup to copydesk), or
// other (prose both tools read).
//
// It returns the counts, and how many of them are on front matter,
// container or shortcode lines.
func whyOnly(dir string, v, c map[key]int, pkg string) (string, int) {
	kinds := map[string]int{}
	lines := map[string][]string{}
	for k, n := range v {
		if !strings.HasPrefix(k.rule, pkg+".") || n <= c[k] {
			continue
		}
		ls, ok := lines[k.file]
		if !ok {
			b, _ := os.ReadFile(filepath.Join(dir, k.file))
			ls = strings.Split(string(b), "\n")
			lines[k.file] = ls
		}
		kinds[lineKind(ls, k.line)] += n - c[k]
	}
	var out []string
	for _, kind := range []string{"front matter", "container", "shortcode", "other"} {
		out = append(out, fmt.Sprintf("%s %d", kind, kinds[kind]))
	}
	return strings.Join(out, ", "), kinds["front matter"] + kinds["container"] + kinds["shortcode"]
}

// lineKind says what line n (from 1) of a page is.
func lineKind(ls []string, n int) string {
	if n < 1 || n > len(ls) {
		return "other"
	}
	if d := strings.TrimSpace(ls[0]); d == "---" || d == "+++" {
		for i := 1; i < len(ls); i++ {
			if strings.TrimSpace(ls[i]) == d {
				if n-1 <= i {
					return "front matter"
				}
				break
			}
		}
	}
	switch t := strings.TrimSpace(ls[n-1]); {
	case strings.HasPrefix(t, ":::"):
		return "container"
	case strings.Contains(t, "{{<") || strings.Contains(t, "{{%"):
		return "shortcode"
	}
	return "other"
}

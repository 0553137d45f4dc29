package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules"
	"github.com/copydesk/copydesk/styles"
	"github.com/spf13/cobra"
)

// loadConfig reads a config file and the house styles it names; skipped
// rule files and patterns that run out of time are warned about on stderr.
func loadConfig(file string, reg *lint.Registry, stderr io.Writer) (*config.Config, *lint.Registry, error) {
	return config.LoadStyles(file, reg, styleLoader(stderr, nil))
}

func styleLoader(stderr io.Writer, extra []string) config.StyleLoader {
	return func(dir string, names, vocab []string) ([]*lint.Rule, error) {
		for _, x := range extra {
			if !slices.Contains(names, x) {
				names = append(names, x)
			}
		}
		set, err := styles.LoadWith(dir, names, styles.Options{Vocab: vocab})
		if err != nil {
			return nil, err
		}
		for _, w := range set.Warnings() {
			fmt.Fprintf(stderr, "copydesk: warning: %s\n", w)
		}
		set.OnTimeout = func(id string) {
			fmt.Fprintf(stderr, "copydesk: warning: rule %s: its pattern ran out of time on a block and was stopped there; simplify it (nested repetition backtracks)\n", id)
		}
		return set.Rules(), nil
	}
}

// configRegistry is the registry `rules` and `explain` list: the built-in
// rules and the styles the nearest config names.
func configRegistry(e *env) (*lint.Registry, error) {
	reg := rules.Registry()
	file, err := config.Find(".")
	if err != nil || file == "" {
		return reg, err
	}
	_, reg, err = config.LoadStyles(file, reg, styleLoader(e.stderr, nil))
	return reg, err
}

func newStylesCmd(e *env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "styles",
		Short: "House style as data: import a sheet, try a rule, move over from Vale",
		Long: "House styles are folders of rules in Vale's format (styles/NAME/RULE.yml), named in\n" + config.FileName +
			" under styles: {path, use}. These commands help write and adopt them.",
	}
	cmd.AddCommand(newStylesImportCmd(e), newStylesTryCmd(e), newStylesFromValeCmd(e))
	return cmd
}

func newStylesImportCmd(e *env) *cobra.Command {
	var name, out string
	cmd := &cobra.Command{
		Use:   "import --name NAME [--out DIR] SHEET.csv",
		Short: "Turn a spreadsheet of wrong,right,note rows into a substitution and an existence rule",
		Example: "  copydesk styles import --name Sheet --out styles sheet.csv\n" +
			"  # then review styles/Sheet/Replace.yml and styles/Sheet/Avoid.yml and add Sheet to styles.use",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !lint.IsStyleID(name + ".X") {
				return &exitCode{code: exitError, err: fmt.Errorf("--name: want a style name of letters, digits, - and _, got %q", name)}
			}
			files, err := importSheet(args[0], name, out)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			for _, f := range files {
				fmt.Fprintf(e.stdout, "wrote %s\n", f)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&name, "name", "Sheet", "the style's name: rule IDs are NAME.Replace and NAME.Avoid")
	cmd.Flags().StringVar(&out, "out", "styles", "the styles folder to write NAME/ into")
	_ = cmd.MarkFlagDirname("out")
	return cmd
}

type sheetRow struct {
	wrong, right, note string
	line               int
}

// readSheet reads CSV rows; the header row names the columns wrong, right
// and note, in any order.
func readSheet(path string) ([]sheetRow, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read sheet: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: no header row: %w", path, err)
	}
	col := map[string]int{"wrong": -1, "right": -1, "note": -1}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, ok := col[h]; ok {
			col[h] = i
		}
	}
	if col["wrong"] < 0 {
		return nil, fmt.Errorf("%s:1: the header row needs a column named wrong (and right, note); got %s", path, strings.Join(header, ","))
	}
	get := func(rec []string, k string) string {
		if i := col[k]; i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var rows []sheetRow
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		line, _ := r.FieldPos(0)
		row := sheetRow{wrong: get(rec, "wrong"), right: get(rec, "right"), note: get(rec, "note"), line: line}
		if row.wrong == "" {
			continue
		}
		if prev, ok := seen[strings.ToLower(row.wrong)]; ok {
			return nil, fmt.Errorf("%s:%d: %q is listed twice (first on line %d)", path, line, row.wrong, prev)
		}
		seen[strings.ToLower(row.wrong)] = line
		rows = append(rows, row)
	}
	return rows, nil
}

// importSheet writes DIR/NAME/Replace.yml (rows with a right form) and
// DIR/NAME/Avoid.yml (rows without), each with examples from the sheet so
// that the style checks itself when it loads.
func importSheet(path, name, out string) ([]string, error) {
	rows, err := readSheet(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(out, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("write style: %w", err)
	}
	var repl, avoid []sheetRow
	for _, r := range rows {
		if r.right == "" {
			avoid = append(avoid, r)
		} else {
			repl = append(repl, r)
		}
	}
	var written []string
	write := func(file, text string) error {
		p := filepath.Join(dir, file)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return fmt.Errorf("write style: %w", err)
		}
		written = append(written, p)
		return nil
	}
	// Examples: the first few rows, so that loading stays quick with a
	// sheet of thousands.
	const examples = 5
	src := filepath.Base(path)
	if len(repl) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "# Imported from %s by copydesk styles import; review before committing.\n", src)
		b.WriteString("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nignorecase: true\nfix: unsafe\nswap:\n")
		for _, r := range repl {
			fmt.Fprintf(&b, "  %s: %s%s\n", yamlQuote(sheetPattern(r.wrong)), yamlQuote(r.right), comment(r.note))
		}
		b.WriteString("examples:\n  wrong:\n")
		for _, r := range repl[:min(examples, len(repl))] {
			fmt.Fprintf(&b, "    - %s\n", yamlQuote("The report said "+r.wrong+" twice."))
		}
		b.WriteString("  right:\n")
		for _, r := range repl[:min(examples, len(repl))] {
			if !strings.Contains(r.right, "|") {
				fmt.Fprintf(&b, "    - %s\n", yamlQuote("The report said "+r.right+" twice."))
			}
		}
		if err := write("Replace.yml", b.String()); err != nil {
			return written, err
		}
	}
	if len(avoid) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "# Imported from %s by copydesk styles import; review before committing.\n", src)
		b.WriteString("extends: existence\nmessage: \"Avoid '%s'.\"\nlevel: warning\nignorecase: true\ntokens:\n")
		for _, r := range avoid {
			fmt.Fprintf(&b, "  - %s%s\n", yamlQuote(sheetPattern(r.wrong)), comment(r.note))
		}
		b.WriteString("examples:\n  wrong:\n")
		for _, r := range avoid[:min(examples, len(avoid))] {
			fmt.Fprintf(&b, "    - %s\n", yamlQuote("The report said "+r.wrong+" twice."))
		}
		if err := write("Avoid.yml", b.String()); err != nil {
			return written, err
		}
	}
	if len(written) == 0 {
		return nil, fmt.Errorf("%s: no rows with a wrong form", path)
	}
	return written, nil
}

// sheetPattern makes a sheet's word a pattern that matches it as written:
// a sheet is words, not regular expressions.
func sheetPattern(s string) string { return regexp.QuoteMeta(s) }

func comment(note string) string {
	if note == "" {
		return ""
	}
	return "  # " + strings.ReplaceAll(note, "\n", " ")
}

func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

func newStylesTryCmd(e *env) *cobra.Command {
	var f commonFlags
	var samples int
	var dir string
	cmd := &cobra.Command{
		Use:   "try STYLE.RULE [PATH...]",
		Short: "Lint with one style rule, on or off, and print what it would cost: hits, articles, rate and examples",
		Example: "  copydesk styles try House.PerCent news/\n" +
			"  copydesk styles try Microsoft.Passive --samples 20 docs/",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStylesTry(e, &f, dir, samples, args[0], args[1:])
		},
	}
	f.register(cmd)
	cmd.Flags().IntVar(&samples, "samples", 10, "contexts printed")
	cmd.Flags().StringVar(&dir, "styles", "", "styles folder when the config names none (default: styles)")
	return cmd
}

func runStylesTry(e *env, f *commonFlags, dir string, samples int, id string, paths []string) error {
	if !lint.IsStyleID(id) {
		return &exitCode{code: exitError, err: fmt.Errorf("%q is not a style rule ID (Style.Rule)", id)}
	}
	style := id[:strings.IndexByte(id, '.')]
	file := f.config
	if file == "" {
		var err error
		if file, err = config.Find("."); err != nil {
			return &exitCode{code: exitError, err: err}
		}
	}
	// The rule's style is loaded even when the config does not use it yet:
	// trying a rule comes before turning it on.
	var reg *lint.Registry
	cfg := config.Default(".")
	var err error
	if file != "" && dir == "" {
		cfg, reg, err = config.LoadStyles(file, rules.Registry(), styleLoader(e.stderr, []string{style}))
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
	}
	if reg == nil || cfg.Styles == nil {
		if dir == "" {
			dir = "styles"
		}
		rs, err := styleLoader(e.stderr, nil)(dir, []string{style}, nil)
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
		reg, err = lint.NewRegistry(rs...)
		if err != nil {
			return &exitCode{code: exitError, err: err}
		}
	}
	rule, ok := reg.Lookup(id)
	if !ok {
		return &exitCode{code: exitError, err: fmt.Errorf("no rule %s in style %s", id, style)}
	}
	one, err := lint.NewRegistry(rule)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	// The rule at its default severity everywhere: the config's include and
	// exclude still choose the files.
	trial := config.Default(".")
	trial.Include, trial.Exclude, trial.Dir = cfg.Include, cfg.Exclude, cfg.Dir
	eng := &engine.Engine{Registry: one, Config: trial, SkipNonArticles: true}
	inputs, problems, err := collect(e, eng, paths, "", nil, &ignoreFilter{warn: e.stderr})
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "copydesk: %s: %s\n", p.Path, p.Message)
	}
	res := eng.Lint(inputs)
	hits, articles, words := 0, 0, 0
	var sample []string
	for _, fr := range res.Files {
		if fr.Summary == nil {
			continue
		}
		words += countWords(fr.Summary)
		if len(fr.Diagnostics) > 0 {
			articles++
		}
		for _, d := range fr.Diagnostics {
			hits++
			if len(sample) < samples {
				sample = append(sample, hitContext(fr.Summary, d))
			}
		}
	}
	rate := 0.0
	if words > 0 {
		rate = float64(hits) * 10000 / float64(words)
	}
	fmt.Fprintf(e.stdout, "%s: %s in %s of %s (%s), %.1f per 10,000 words\n", id, count(hits, "hit"), count(articles, "article"),
		count(len(res.Files), "article"), count(words, "word"), rate)
	if len(sample) > 0 {
		fmt.Fprintln(e.stdout)
		for _, s := range sample {
			fmt.Fprintln(e.stdout, s)
		}
	}
	return nil
}

// countWords counts the words of an article's prose, code and front
// matter left out.
func countWords(s *document.Summary) int {
	doc, err := parse.Parse(s.Path, s.Src)
	if err != nil {
		return 0
	}
	n := 0
	for _, t := range doc.Tokens {
		if t.Kind() == document.TokWord || t.Kind() == document.TokNumber {
			n++
		}
	}
	return n
}

// hitContext shows a finding in its line, the match between » and «.
func hitContext(s *document.Summary, d lint.Diagnostic) string {
	line, col := s.Position(d.Start)
	sp := s.LineSpan(line)
	end := min(d.End, sp.End)
	text := string(s.Src[sp.Start:d.Start]) + "»" + string(s.Src[d.Start:end]) + "«" + string(s.Src[end:sp.End])
	if r := []rune(text); len(r) > 120 {
		at := len([]rune(string(s.Src[sp.Start:d.Start])))
		from := max(0, at-50)
		to := min(len(r), from+110)
		text = "…" + string(r[from:to]) + "…"
	}
	return fmt.Sprintf("  %s:%d:%d: %s", s.Path, line, col, strings.TrimSpace(text))
}

func newStylesFromValeCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "from-vale .vale.ini",
		Short: "Print the " + config.FileName + " styles section equivalent to a Vale configuration",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return &exitCode{code: exitError, err: fmt.Errorf("read %s: %w", args[0], err)}
			}
			out, err := fromVale(string(data), args[0])
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			_, err = io.WriteString(e.stdout, out)
			return err
		},
	}
}

// valeSection is one [glob] of a .vale.ini.
type valeSection struct {
	glob   string
	styles []string
	rules  [][2]string // rule ID, severity
}

// fromVale converts a .vale.ini: StylesPath becomes styles.path, the
// BasedOnStyles of the broadest section styles.use, rule lines severities,
// and other sections overrides that add styles and set rules.
func fromVale(ini, name string) (string, error) {
	var stylesPath string
	var vocab []string
	var notes []string
	var secs []*valeSection
	var cur *valeSection
	sc := bufio.NewScanner(strings.NewReader(ini))
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' && strings.HasSuffix(line, "]") {
			cur = &valeSection{glob: line[1 : len(line)-1]}
			secs = append(secs, cur)
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return "", fmt.Errorf("%s:%d: want KEY = VALUE or [glob], got %q", name, ln, line)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case cur == nil && k == "StylesPath":
			stylesPath = v
		case k == "Vocab":
			if cur != nil {
				notes = append(notes, fmt.Sprintf("[%s] Vocab = %s: copydesk's vocab applies to every file, so it is carried over for all", cur.glob, v))
			}
			for _, s := range strings.Split(v, ",") {
				if s = strings.TrimSpace(s); s != "" && !slices.Contains(vocab, s) {
					vocab = append(vocab, s)
				}
			}
		case cur == nil:
			notes = append(notes, fmt.Sprintf("%s = %s (no equivalent; not carried over)", k, v))
		case k == "BasedOnStyles":
			for _, s := range strings.Split(v, ",") {
				s = strings.TrimSpace(s)
				if s != "" {
					cur.styles = append(cur.styles, s)
				}
			}
		case lint.IsStyleID(k):
			sev := strings.ToLower(v)
			switch sev {
			case "no", "false", "off":
				sev = "off"
			case "yes", "true":
				sev = ""
			case "suggestion":
				sev = "info"
			case "warning", "error":
			default:
				return "", fmt.Errorf("%s:%d: %s: unknown setting %q (want YES, NO, suggestion, warning or error)", name, ln, k, v)
			}
			if sev != "" {
				cur.rules = append(cur.rules, [2]string{k, sev})
			}
		default:
			notes = append(notes, fmt.Sprintf("[%s] %s = %s (no equivalent; not carried over)", cur.glob, k, v))
		}
	}
	if stylesPath == "" {
		stylesPath = "styles"
	}
	// The built-in style Vale: its spelling and repetition checks have no
	// equivalent; its Vale.Terms and Vale.Avoid come from the vocabulary.
	for _, sec := range secs {
		if i := slices.Index(sec.styles, styles.BuiltinStyle); i >= 0 {
			if len(vocab) == 0 {
				sec.styles = slices.Delete(sec.styles, i, i+1)
				notes = append(notes, "["+sec.glob+"] BasedOnStyles: Vale, Vale's built-in spelling and repetition checks: copydesk's own rules cover repeated words; there is no spelling check")
			} else {
				notes = append(notes, "["+sec.glob+"] BasedOnStyles: Vale keeps Vale.Terms and Vale.Avoid from the vocabulary; Vale's spelling and repetition checks have no equivalent (copydesk's own rules cover repeated words)")
			}
		}
	}
	// The section with the most styles and the broadest glob is the base;
	// Vale configurations usually have one, [*] or [*.md].
	var base *valeSection
	for _, s := range secs {
		if len(s.styles) == 0 && len(s.rules) == 0 {
			continue
		}
		if base == nil || broad(s.glob) && !broad(base.glob) {
			base = s
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# From %s by copydesk styles from-vale.\n", filepath.Base(name))
	for _, n := range notes {
		fmt.Fprintf(&b, "# %s\n", n)
	}
	b.WriteString("styles:\n")
	fmt.Fprintf(&b, "  path: %s\n", yamlQuote(filepath.ToSlash(stylesPath)))
	var use []string
	if base != nil {
		use = base.styles
	}
	fmt.Fprintf(&b, "  use: [%s]\n", strings.Join(use, ", "))
	if len(vocab) > 0 {
		fmt.Fprintf(&b, "  vocab: [%s]\n", strings.Join(vocab, ", "))
	}
	if base != nil && len(base.rules) > 0 {
		b.WriteString("rules:\n")
		for _, r := range base.rules {
			fmt.Fprintf(&b, "  %s: %s\n", r[0], r[1])
		}
	}
	var others []*valeSection
	for _, s := range secs {
		if s != base && (len(s.styles) > 0 || len(s.rules) > 0) {
			others = append(others, s)
		}
	}
	sort.SliceStable(others, func(i, j int) bool { return broad(others[i].glob) && !broad(others[j].glob) })
	if len(others) > 0 {
		b.WriteString("overrides:\n")
		for _, s := range others {
			var paths []string
			for _, g := range valeGlobs(s.glob) {
				paths = append(paths, yamlQuote(g))
			}
			fmt.Fprintf(&b, "  - paths: [%s]\n", strings.Join(paths, ", "))
			var add []string
			for _, st := range s.styles {
				if !slices.Contains(use, st) {
					add = append(add, st)
				}
			}
			if len(add) > 0 {
				fmt.Fprintf(&b, "    styles: {add: [%s]}\n", strings.Join(add, ", "))
			}
			if len(s.rules) > 0 {
				b.WriteString("    rules:\n")
				for _, r := range s.rules {
					fmt.Fprintf(&b, "      %s: %s\n", r[0], r[1])
				}
			}
		}
	}
	return b.String(), nil
}

func broad(glob string) bool {
	return glob == "*" || (strings.HasPrefix(glob, "*.") && !strings.Contains(glob, "/"))
}

// valeGlobs expands Vale's {md,txt} braces into one glob each, the form
// copydesk's globs read; a glob without a slash matches the file name at
// any depth in both.
func valeGlobs(g string) []string {
	i := strings.IndexByte(g, '{')
	if i < 0 {
		return []string{g}
	}
	j := strings.IndexByte(g[i:], '}')
	if j < 0 {
		return []string{g}
	}
	var out []string
	for _, alt := range strings.Split(g[i+1:i+j], ",") {
		out = append(out, valeGlobs(g[:i]+strings.TrimSpace(alt)+g[i+j+1:])...)
	}
	return out
}

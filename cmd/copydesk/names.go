package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/nameconsistency"
	"github.com/copydesk/copydesk/rules/namevariant"
	"github.com/spf13/cobra"
)

type namesFlags struct {
	config        string
	format        string
	writeGlossary string
	locations     int
}

func newNamesCmd(e *env) *cobra.Command {
	var f namesFlags
	cmd := &cobra.Command{
		Use:   "names [PATH...]",
		Short: "List the names the name rules find spelled several ways, and start a glossary from them",
		Example: "  copydesk names news/\n" +
			"  copydesk names --format json news/ > names.json\n" +
			"  copydesk names --write-glossary glossary/names.yaml news/   # review, then list it under names-files",
		RunE: func(cmd *cobra.Command, args []string) error { return runNames(e, &f, args) },
	}
	cmd.Flags().StringVar(&f.config, "config", "", "config file (default: the nearest "+config.FileName+" from the current folder up)")
	cmd.Flags().StringVar(&f.format, "format", "text", "output format: text or json")
	cmd.Flags().StringVar(&f.writeGlossary, "write-glossary", "", "write the names found, with their variants, as a glossary file to review and commit")
	cmd.Flags().IntVar(&f.locations, "locations", 3, "locations printed per variant")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text", "json"))
	_ = cmd.MarkFlagFilename("write-glossary", "yaml", "yml")
	return cmd
}

func runNames(e *env, f *namesFlags, args []string) error {
	if f.format != "text" && f.format != "json" {
		return &exitCode{code: exitError, err: fmt.Errorf("--format: want text or json, got %q", f.format)}
	}
	common := &commonFlags{config: f.config, args: args}
	eng, err := common.setup()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	// The name rules alone, under the configuration's settings: what the
	// command shows is what `lint` reports for them.
	reg, err := lint.NewRegistry(append(lint.Builtin(), namevariant.Rule, nameconsistency.Rule)...)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	eng.Registry = reg
	inputs, problems, err := common.inputs(e, eng, args)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	failed := len(problems) > 0
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "%s: %s\n", p.Path, p.Message)
	}
	res := eng.Lint(inputs)
	for _, fr := range res.Errors() {
		fmt.Fprintf(e.stderr, "%s: %v\n", fr.Path, fr.Err)
		failed = true
	}
	if printRunErrors(e, res) {
		failed = true
	}
	groups := nameGroups(res)
	if f.format == "json" {
		err = namesJSON(e.stdout, groups, f.locations)
	} else {
		err = namesText(e.stdout, groups, f.locations)
	}
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	if f.writeGlossary != "" {
		if err := writeGlossaryFile(f.writeGlossary, groups); err != nil {
			return &exitCode{code: exitError, err: err}
		}
	}
	if failed {
		return &exitCode{code: exitError}
	}
	return nil
}

// A nameGroup is a name and the spellings the rules reported for it.
type nameGroup struct {
	kind     string // name (mined or glossary), front-matter, or document (a finding within one article)
	rule     string
	glossary bool
	name     string
	count    int // how often the archive writes the name, when the rule says
	docs     int
	variants []*nameVariant
}

type nameVariant struct {
	text      string
	message   string
	count     int
	docs      map[string]bool
	locations []nameLocation
}

type nameLocation struct {
	path              string
	line, col         int
	offset, endOffset int
}

// nameGroups gathers the name rules' findings by the name each points to,
// the most frequent name first.
func nameGroups(res *engine.Result) []*nameGroup {
	var out []*nameGroup
	by := map[string]*nameGroup{}
	for _, fr := range res.Files {
		if fr.Summary == nil {
			continue
		}
		for _, d := range fr.Diagnostics {
			if d.Rule != namevariant.Rule.ID && d.Rule != nameconsistency.Rule.ID {
				continue
			}
			text := string(fr.Summary.Src[d.Start:d.End])
			g := &nameGroup{rule: d.Rule, kind: "document"}
			if d.Fix != nil && len(d.Fix.Edits) == 1 {
				g.name = d.Fix.Edits[0].NewText
			}
			if t, target, n, docs, ok := nameconsistency.ParseMessage(d.Message); ok {
				g.kind, g.name, g.count, g.docs, text = "name", target, n, docs, t
			} else if t, target, ok := namevariant.ParseMessage(d.Message); ok {
				g.kind, g.glossary, g.name, text = "name", true, target, t
			} else if strings.Contains(d.Message, "in front matter") {
				g.kind = "front-matter"
			}
			if g.name == "" {
				g.name = d.Message // a finding without a spelling to write
			}
			key := g.kind + "\x00" + g.name
			if old := by[key]; old != nil {
				g = old
			} else {
				by[key] = g
				out = append(out, g)
			}
			var v *nameVariant
			for _, x := range g.variants {
				if x.text == text {
					v = x
				}
			}
			if v == nil {
				v = &nameVariant{text: text, message: d.Message, docs: map[string]bool{}}
				g.variants = append(g.variants, v)
			}
			v.count++
			v.docs[fr.Path] = true
			line, col := fr.Summary.Position(d.Start)
			v.locations = append(v.locations, nameLocation{fr.Path, line, col, d.Start, d.End})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].count != out[j].count {
			return out[i].count > out[j].count
		}
		return out[i].name < out[j].name
	})
	return out
}

func writeGlossaryFile(path string, groups []*nameGroup) (err error) {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--write-glossary: %w", err)
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("--write-glossary: %w", cerr)
		}
	}()
	return writeGlossary(out, glossaryEntries(groups))
}

type jsonLocation struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Offset int    `json:"offset"`
	End    int    `json:"end_offset"`
}

type jsonSpelling struct {
	Text      string         `json:"text"`
	Count     int            `json:"count"`
	Documents int            `json:"documents"`
	Message   string         `json:"message,omitempty"`
	Locations []jsonLocation `json:"locations"`
}

type jsonGroup struct {
	Kind     string         `json:"kind"`
	Rule     string         `json:"rule"`
	Glossary bool           `json:"glossary"`
	Dominant jsonSpelling   `json:"dominant"`
	Variants []jsonSpelling `json:"variants"`
}

func namesJSON(w io.Writer, groups []*nameGroup, n int) error {
	out := struct {
		Groups []jsonGroup `json:"groups"`
	}{Groups: []jsonGroup{}}
	for _, g := range groups {
		jg := jsonGroup{Kind: g.kind, Rule: g.rule, Glossary: g.glossary,
			Dominant: jsonSpelling{Text: g.name, Count: g.count, Documents: g.docs, Locations: []jsonLocation{}}}
		for _, v := range g.variants {
			js := jsonSpelling{Text: v.text, Count: v.count, Documents: len(v.docs), Message: v.message, Locations: []jsonLocation{}}
			for i, l := range v.locations {
				if i == n {
					break
				}
				js.Locations = append(js.Locations, jsonLocation{Path: l.path, Line: l.line, Column: l.col, Offset: l.offset, End: l.endOffset})
			}
			jg.Variants = append(jg.Variants, js)
		}
		out.Groups = append(out.Groups, jg)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func namesText(w io.Writer, groups []*nameGroup, n int) error {
	times := func(k int) string {
		if k == 1 {
			return "1 time"
		}
		return fmt.Sprintf("%d times", k)
	}
	docs := func(k int) string {
		if k == 1 {
			return "1 document"
		}
		return fmt.Sprintf("%d documents", k)
	}
	var err error
	pr := func(format string, args ...any) {
		if err == nil {
			_, err = fmt.Fprintf(w, format, args...)
		}
	}
	for _, g := range groups {
		switch {
		case g.glossary:
			pr("%s  (%s, glossary)\n", g.name, g.kind)
		case g.count > 0:
			pr("%s  (%s, %s in %s)\n", g.name, g.kind, times(g.count), docs(g.docs))
		default:
			pr("%s  (%s)\n", g.name, g.kind)
		}
		for _, v := range g.variants {
			pr("    %-40s %s", v.text, times(v.count))
			for i, l := range v.locations {
				if i == n {
					break
				}
				sep := ", "
				if i == 0 {
					sep = ": "
				}
				pr("%s%s:%d:%d", sep, l.path, l.line, l.col)
			}
			pr("\n")
		}
	}
	if len(groups) == 0 {
		pr("no name is spelled several ways\n")
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

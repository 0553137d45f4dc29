package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/nameconsistency"
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
		Short: "List names spelled several ways across articles, and start a glossary from them",
		Example: "  copydesk names news/\n" +
			"  copydesk names --format json news/ > names.json\n" +
			"  copydesk names --write-glossary glossary/names.yaml news/   # review, then list it under names-files",
		RunE: func(cmd *cobra.Command, args []string) error { return runNames(e, &f, args) },
	}
	cmd.Flags().StringVar(&f.config, "config", "", "config file (default: the nearest "+lint.ConfigFileName+" from the current folder up)")
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
	common := &commonFlags{config: f.config}
	eng, err := common.setup()
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	inputs, problems, err := common.inputs(e, eng, args)
	if err != nil {
		return &exitCode{code: exitError, err: err}
	}
	failed := len(problems) > 0
	for _, p := range problems {
		fmt.Fprintf(e.stderr, "%s: %s\n", p.Path, p.Message)
	}
	survey := nameconsistency.NewSurvey(eng.Config)
	for _, in := range inputs {
		src := in.Src
		if src == nil {
			if src, err = os.ReadFile(in.Path); err != nil {
				fmt.Fprintf(e.stderr, "%s: cannot read the file: %v\n", in.Path, errors.Unwrap(err))
				failed = true
				continue
			}
		}
		doc, err := lint.Parse(in.Path, src)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", in.Path, err)
			failed = true
			continue
		}
		survey.Add(doc)
	}
	groups := survey.Groups()
	if f.format == "json" {
		err = namesJSON(e.stdout, survey, groups, f.locations)
	} else {
		err = namesText(e.stdout, survey, groups, f.locations)
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

func writeGlossaryFile(path string, groups []nameconsistency.Group) (err error) {
	out, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("--write-glossary: %w", err)
	}
	defer func() {
		if cerr := out.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("--write-glossary: %w", cerr)
		}
	}()
	return nameconsistency.WriteGlossary(out, groups)
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
	Locations []jsonLocation `json:"locations"`
}

type jsonGroup struct {
	Kind     string         `json:"kind"`
	Glossary bool           `json:"glossary"`
	Dominant jsonSpelling   `json:"dominant"`
	Variants []jsonSpelling `json:"variants"`
}

func locations(s *nameconsistency.Survey, sp nameconsistency.Spelling, n int) []jsonLocation {
	out := []jsonLocation{}
	for i, l := range sp.Locations {
		if i == n {
			break
		}
		line, col := 0, 0
		if sum := s.Summary(l.Path); sum != nil {
			line, col = sum.Position(l.Span.Start)
		}
		out = append(out, jsonLocation{Path: l.Path, Line: line, Column: col, Offset: l.Span.Start, End: l.Span.End})
	}
	return out
}

func spellingJSON(s *nameconsistency.Survey, sp nameconsistency.Spelling, n int) jsonSpelling {
	return jsonSpelling{Text: sp.Surface, Count: sp.Count, Documents: sp.Docs, Locations: locations(s, sp, n)}
}

func namesJSON(w io.Writer, s *nameconsistency.Survey, groups []nameconsistency.Group, n int) error {
	out := struct {
		Groups []jsonGroup `json:"groups"`
	}{Groups: []jsonGroup{}}
	for _, g := range groups {
		jg := jsonGroup{Kind: nameconsistency.Kind(g), Glossary: g.Glossary, Dominant: spellingJSON(s, g.Dominant, n)}
		for _, v := range g.Variants {
			jg.Variants = append(jg.Variants, spellingJSON(s, v, n))
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

func namesText(w io.Writer, s *nameconsistency.Survey, groups []nameconsistency.Group, n int) error {
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
		src := ""
		if g.Glossary {
			src = ", glossary"
		}
		pr("%s  (%s, %s in %s%s)\n", g.Dominant.Surface, nameconsistency.Kind(g), times(g.Dominant.Count), docs(g.Dominant.Docs), src)
		for _, v := range g.Variants {
			pr("    %-40s %s", v.Surface, times(v.Count))
			for i, l := range locations(s, v, n) {
				sep := ", "
				if i == 0 {
					sep = ": "
				}
				pr("%s%s:%d:%d", sep, l.Path, l.Line, l.Column)
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

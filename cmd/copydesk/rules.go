package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/ruledoc"
	"github.com/copydesk/copydesk/rules"
	"github.com/spf13/cobra"
)

func newRulesCmd(e *env) *cobra.Command {
	var format string
	var verbose bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its category, default severity and fix",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := configRegistry(e)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			switch format {
			case "text", "":
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				if verbose {
					fmt.Fprintln(tw, "RULE\tCATEGORY\tSEVERITY\tFIX\tREADS\tFINDS")
				} else {
					fmt.Fprintln(tw, "RULE\tCATEGORY\tSEVERITY\tFIX\tFINDS")
				}
				for _, r := range reg.Rules() {
					fx := r.Fixable.String()
					if fx == "" {
						fx = "-"
					}
					if verbose {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, fx, reads(r), r.Doc.Title)
						continue
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.ID, r.Category, r.Severity, fx, r.Doc.Title)
				}
				return tw.Flush()
			case "json":
				type jr struct {
					ID       string `json:"id"`
					Category string `json:"category"`
					Severity string `json:"severity"`
					Fix      string `json:"fix"`
					Title    string `json:"title"`
				}
				var out []jr
				for _, r := range reg.Rules() {
					out = append(out, jr{r.ID, r.Category, r.Severity.String(), r.Fixable.String(), r.Doc.Title})
				}
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "markdown":
				_, err := fmt.Fprint(e.stdout, ruledoc.Markdown(reg.Rules()))
				return err
			case "table":
				_, err := fmt.Fprint(e.stdout, ruleTable(reg.Rules()))
				return err
			}
			return &exitCode{code: exitError, err: fmt.Errorf("--format: unknown format %q (want text, json, markdown or table)", format)}
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "with --format text, also say what each rule reads besides the document: the block facts a block needs for the rule to look at it, and the inputs it shares with other rules")
	cmd.Flags().StringVar(&format, "format", "text", "output format: text, json, markdown (the rule reference: "+ruledoc.Command+"), or table (the README's table of rules)")
	_ = cmd.RegisterFlagCompletionFunc("format", fixedCompletions("text", "json", "markdown", "table"))
	return cmd
}

// reads says what a rule declares it reads besides the document: only
// blocks with one of its facts ("blocks with bracket"), and the inputs it
// shares with other rules; "-" for none. Spaces would split the column.
func reads(r *lint.Rule) string {
	var parts []string
	if r.Needs != 0 {
		parts = append(parts, "blocks-with:"+r.Needs.String())
	}
	for _, in := range r.Requires {
		parts = append(parts, "input:"+in.InputName())
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.ReplaceAll(strings.Join(parts, ","), " ", "-")
}

func newExplainCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE",
		Short: "Show a rule's documentation: what it finds, why, an example and its fix",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, r := range rules.Registry().Rules() {
				ids = append(ids, r.ID+"\t"+r.Doc.Title)
			}
			return ids, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			reg, err := configRegistry(e)
			if err != nil {
				return &exitCode{code: exitError, err: err}
			}
			r, ok := reg.Lookup(args[0])
			if !ok {
				best, bestD := "", 4
				for _, x := range reg.Rules() {
					if d := config.EditDistance(args[0], x.ID); d < bestD {
						best, bestD = x.ID, d
					}
				}
				msg := fmt.Sprintf("unknown rule %q; 'copydesk rules' lists them", args[0])
				if best != "" {
					msg = fmt.Sprintf("unknown rule %q; did you mean %q?", args[0], best)
				}
				return &exitCode{code: exitError, err: errors.New(msg)}
			}
			fmt.Fprint(e.stdout, explain(r))
			return nil
		},
	}
}

func explain(r *lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s, %s by default)\n\n%s\n\n", r.ID, r.Category, r.Severity, r.Doc.Title)
	fmt.Fprintf(&b, "Why it matters\n  %s\n\n", r.Doc.Why)
	fmt.Fprintf(&b, "Wrong\n%s\n\n", indent(r.Doc.Wrong))
	if r.Doc.Right != "" {
		fmt.Fprintf(&b, "Right\n%s\n\n", indent(r.Doc.Right))
	}
	if r.Doc.Fix != "" {
		fmt.Fprintf(&b, "Fix\n  %s\n\n", r.Doc.Fix)
	} else {
		b.WriteString("Fix\n  None: the finding needs a person.\n\n")
	}
	if len(r.Options) > 0 {
		b.WriteString("Options (in .copydesk.yaml under rules." + r.ID + ")\n")
		for _, d := range r.Options {
			o := d.Spec()
			fmt.Fprintf(&b, "  %s (default %v): %s\n", o.Name, o.Default, o.Doc)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n")
}

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print copydesk's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, args []string) {
			fmt.Fprintf(e.stdout, "copydesk %s\n", version)
		},
	}
}

func newInitCmd(e *env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented default " + config.FileName + " in the current folder",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := os.Stat(config.FileName); err == nil && !force {
				return &exitCode{code: exitError, err: fmt.Errorf("%s already exists; use --force to overwrite it", config.FileName)}
			}
			if err := os.WriteFile(config.FileName, []byte(defaultConfig(rules.Registry())), 0o644); err != nil {
				return &exitCode{code: exitError, err: fmt.Errorf("write %s: %w", config.FileName, err)}
			}
			fmt.Fprintf(e.stdout, "wrote %s\n", config.FileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}

// ruleTable is the README's table of rules by category, every rule
// listed, categories in the order their first rule is registered.
func ruleTable(rs []*lint.Rule) string {
	var cats []string
	byCat := map[string][]string{}
	for _, r := range rs {
		if _, ok := byCat[r.Category]; !ok {
			cats = append(cats, r.Category)
		}
		byCat[r.Category] = append(byCat[r.Category], "`"+r.ID+"`")
	}
	var b strings.Builder
	b.WriteString("| category | rules |\n| --- | --- |\n")
	for _, c := range cats {
		fmt.Fprintf(&b, "| %s | %s |\n", c, strings.Join(byCat[c], ", "))
	}
	return b.String()
}

// quotedList writes globs as a YAML flow list's items.
func quotedList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// defaultConfig is the commented starting point `init` writes: every rule
// at its default, so that users see what they can change.
func defaultConfig(reg *lint.Registry) string {
	var b strings.Builder
	b.WriteString(`# copydesk configuration. Docs: copydesk explain RULE, copydesk rules.
version: 1

# Which files 'copydesk lint' reads when given a folder (globs relative to this file;
# a glob without a slash matches the file name at any depth). The same files, under
# this file's folder, are read for the checks across articles (links, dates, names)
# when copydesk lints only some of them, as a pre-commit hook does with the staged
# files: nothing more is needed for pre-commit or --changed-since. Files git ignores
# are left out, and so are LICENSE, CHANGELOG, requirements.txt and the like.
include: [` + quotedList(config.DefaultInclude) + `]
exclude: []
# corpus: ["news/**"]   # read a narrower (or wider) archive for those checks instead

# Per rule: a severity (error, warning, info, off), or a mapping with severity and options.
rules:
`)
	for _, r := range reg.Rules() {
		if len(r.Options) == 0 {
			fmt.Fprintf(&b, "  %s: %s    # %s\n", r.ID, r.Severity, r.Doc.Title)
			continue
		}
		fmt.Fprintf(&b, "  %s:    # %s\n    severity: %s\n", r.ID, r.Doc.Title, r.Severity)
		for _, d := range r.Options {
			o := d.Spec()
			v := o.Default
			if ss, ok := v.([]string); ok {
				v = "[" + strings.Join(ss, ", ") + "]"
			}
			fmt.Fprintf(&b, "    %s: %v    # %s\n", o.Name, v, o.Doc)
		}
	}
	b.WriteString(`
# Settings for some paths, applied in order after the rules above.
# overrides:
#   - paths: ["archive/**"]     # old archive: warnings only
#     rules:
#       repeated-word: warning
#   - paths: ["news/2026/**"]   # new articles: errors
#     rules:
#       repeated-word: error

# House styles in Vale's format, styles/NAME/RULE.yml (copydesk styles import turns a sheet into one).
# styles: {path: styles, use: [House]}

# Findings to drop in some files, with the reason.
# ignore:
#   - paths: ["imported/**"]
#     rules: [nbsp]
#     reason: typeset by the printer, no-break spaces are deliberate
`)
	return b.String()
}

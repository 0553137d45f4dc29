// Package ruledoc renders the rules' documentation data as the Markdown
// rule reference, docs/rules.md.
package ruledoc

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/lint"
)

// Command is how docs/rules.md is regenerated, from the repository root.
const Command = "go run ./cmd/copydesk rules --format markdown > docs/rules.md"

// Markdown renders the reference for rules, in the order given: an index
// table, then one section per rule with the rule ID as its heading and
// anchor.
func Markdown(rules []*lint.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!-- Generated from the rules' documentation by `%s`. Edit the rules, not this file. -->\n\n", Command)
	b.WriteString("# Rules\n\n")
	fmt.Fprintf(&b, "copydesk has %s. `copydesk explain RULE` prints a rule's entry in the terminal, and\n", count(len(rules), "rule"))
	b.WriteString("`copydesk rules` lists them. In `.copydesk.yaml`, a rule's severity and options go under `rules:`;\n")
	b.WriteString("`off` turns it off. Safe fixes are applied by `copydesk fix`, unsafe ones only with `--unsafe`.\n\n")
	b.WriteString("| rule | category | default | fix | finds |\n| --- | --- | --- | --- | --- |\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s |\n", r.ID, r.ID, r.Category, r.Severity, fixName(r.Fixable), cell(r.Doc.Title))
	}
	for _, r := range rules {
		b.WriteString("\n")
		section(&b, r)
	}
	return b.String()
}

func section(b *strings.Builder, r *lint.Rule) {
	fmt.Fprintf(b, "<a id=\"%s\"></a>\n\n## %s\n\n", r.ID, r.ID)
	fmt.Fprintf(b, "%s.\n\n", strings.TrimSuffix(r.Doc.Title, "."))
	b.WriteString("| category | default severity | fix |\n| --- | --- | --- |\n")
	fmt.Fprintf(b, "| %s | %s | %s |\n\n", r.Category, r.Severity, fixName(r.Fixable))
	fmt.Fprintf(b, "**Why it matters.** %s\n\n", oneParagraph(r.Doc.Why))
	fmt.Fprintf(b, "**Wrong**\n\n%s\n", fenced(r.Doc.Wrong))
	if r.Doc.Right != "" {
		fmt.Fprintf(b, "**Right**\n\n%s\n", fenced(r.Doc.Right))
	}
	if r.Doc.Fix != "" {
		fmt.Fprintf(b, "**Fix.** %s\n\n", oneParagraph(r.Doc.Fix))
	} else {
		b.WriteString("**Fix.** None: the finding needs a person.\n\n")
	}
	if len(r.Options) > 0 {
		fmt.Fprintf(b, "**Options** (in `.copydesk.yaml` under `rules.%s`)\n\n", r.ID)
		b.WriteString("| option | type | default | what it does |\n| --- | --- | --- | --- |\n")
		for _, d := range r.Options {
			o := d.Spec()
			fmt.Fprintf(b, "| `%s` | %s | `%s` | %s |\n", o.Name, kindName(o), value(o.Default), cell(o.Doc))
		}
		b.WriteString("\n")
	}
	b.WriteString("**Configure**\n\n```yaml\nrules:\n")
	if len(r.Options) == 0 {
		fmt.Fprintf(b, "  %s: %s    # error, warning, info or off\n", r.ID, r.Severity)
	} else {
		fmt.Fprintf(b, "  %s:\n    severity: %s    # error, warning, info or off\n", r.ID, r.Severity)
		for _, d := range r.Options {
			o := d.Spec()
			fmt.Fprintf(b, "    %s: %s\n", o.Name, value(o.Default))
		}
	}
	b.WriteString("```\n")
}

func fixName(f lint.Fixability) string {
	if s := f.String(); s != "" {
		return s
	}
	return "none"
}

func kindName(o lint.OptionSpec) string {
	switch o.Kind {
	case lint.OptBool:
		return "boolean"
	case lint.OptInt:
		return "integer"
	case lint.OptString:
		if len(o.Enum) > 0 {
			return "one of " + strings.Join(quoteAll(o.Enum), ", ")
		}
		return "string"
	case lint.OptStrings:
		return "list of strings"
	}
	return "value"
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = "`" + s + "`"
	}
	return out
}

// value writes an option's default as it would be written in the YAML config.
func value(v any) string {
	switch x := v.(type) {
	case []string:
		return "[" + strings.Join(x, ", ") + "]"
	case string:
		return fmt.Sprintf("%q", x)
	}
	return fmt.Sprint(v)
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(oneParagraph(s), "|", `\|`)
}

// oneParagraph joins lines; only ASCII white space is collapsed, so that a
// no-break space in a rule's text survives.
func oneParagraph(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// fenced puts an example in a code block whose fence is longer than any
// run of backticks inside it.
func fenced(s string) string {
	longest, run := 0, 0
	for _, c := range s {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "text\n" + strings.TrimRight(s, "\n") + "\n" + fence + "\n"
}

func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

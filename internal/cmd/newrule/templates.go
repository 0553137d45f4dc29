package main

// The files of a new rule, laid out as rules/nbsp's are. The placeholder
// check reports the word "xyzzy", so that the package's own tests pass from
// the start and show the harness at work; its doc says TODO, which
// TestRegistry in package rules rejects until it is written.

const ruleTemplate = `// Package {{.Pkg}} finds TODO: what the rule finds and why an editor
// cares, in two lines.
package {{.Pkg}}

import (
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/internal/prose"
)

// Rule is the {{.ID}} rule.
var Rule = &lint.Rule{
	ID:       "{{.ID}}",
	Category: lint.{{.Category}},
	Severity: lint.SeverityWarning,
	Doc: lint.Doc{
		Title: "TODO: what the rule finds, in one line",
		Why:   "TODO: why it matters to a reader, and what the rule leaves alone on purpose.",
		Wrong: "TODO: an example the rule reports, here the placeholder word xyzzy.",
		Right: "TODO: the same example as it should be written.",
	},
	Run: run,
}

// run is the scaffold's placeholder: replace it with the check. It reports
// through prose.Report, which leaves text that holds mojibake to the
// mojibake rule. A rule that looks for something rare skips the blocks
// whose facts say they cannot hold it (see document.BlockFacts).
func run(pass *lint.Pass) {
	doc := pass.Doc
	for bi := range doc.Blocks {
		for _, t := range doc.BlockTokens(&doc.Blocks[bi]) {
			if t.Kind() == document.TokWord && string(doc.Src[t.Start:t.End()]) == "xyzzy" {
				prose.Report(pass, lint.Diagnostic{
					Start:   int(t.Start),
					End:     int(t.End()),
					Message: "placeholder word \"xyzzy\"; TODO: say what is wrong and what to write instead",
				})
			}
		}
	}
}
`

const testTemplate = `package {{.Pkg}}_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/{{.Pkg}}"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", {{.Pkg}}.Rule)
}

// TestDocExamples: the documented wrong example is reported, the right one is not.
func TestDocExamples(t *testing.T) {
	linttest.DocExamples(t, {{.Pkg}}.Rule, linttest.InArticle, false)
}
`

const articleTemplate = `---
title: A test article for {{.ID}}
---

TODO: write here the cases the rule must find, each with its expectation
on the line where the finding starts, and the cases it must leave alone.
Plain-text articles go beside this one with their expectations in a
sidecar NAME.want file; fixed text goes in NAME.golden (go test -update
writes it for review).

The placeholder check finds the word xyzzy. <!-- want {{.ID}} "xyzzy" -->

It leaves every other word alone.
`

// Package filter is the stage between the rules and the report: a chain of
// small steps, each taking one file's findings and returning those it keeps.
package filter

import (
	"sort"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// File is what a step knows of the file whose findings it filters.
type File struct {
	Path string // as shown to the user; the findings' Path
	// Rel is the path relative to the config folder, slash-separated: what
	// the config's globs match.
	Rel     string
	Summary *document.Summary // the directives; the text, for lines and fingerprints
	// Settings are every rule's severity and options in this file.
	Settings map[string]config.RuleSettings
	// Failed: a rule failed on the file, so its findings may be incomplete.
	Failed bool
}

// A Step filters one file's findings: it returns those it keeps, and may
// add findings of its own. It may reuse ds's backing array.
type Step func(f *File, ds []lint.Diagnostic) []lint.Diagnostic

// A Chain runs its steps in order, each on what the one before kept.
type Chain []Step

// Run passes ds through every step of the chain.
func (c Chain) Run(f *File, ds []lint.Diagnostic) []lint.Diagnostic {
	for _, step := range c {
		ds = step(f, ds)
	}
	return ds
}

// Default is the chain every command runs, as staticcheck's runs
// diagnostics → directives → config: the config's severities (rules turned
// off, --select and --ignore included), its ignore entries, the suppression
// comments, and the output order. The lint command appends its baseline,
// which needs that order.
func Default(reg *lint.Registry, cfg *config.Config) Chain {
	// The suppression comments' own findings obey the same config as any
	// other; they are not suppressed themselves.
	byConfig := Chain{Severity, Ignore(cfg)}
	return Chain{Severity, Ignore(cfg), Suppress(reg, cfg.Disabled, byConfig.Run), Sort}
}

// Severity drops the findings of rules off in the file and gives the others
// the configured severity. A rule may mark a finding as less severe than
// configured (a suggestion, for a quoted example of the error itself): it
// keeps its own.
func Severity(f *File, ds []lint.Diagnostic) []lint.Diagnostic {
	out := ds[:0]
	for _, d := range ds {
		s, ok := f.Settings[d.Rule]
		if !ok || s.Severity == lint.SeverityOff {
			continue
		}
		if d.Severity == lint.SeverityOff || d.Severity > s.Severity {
			d.Severity = s.Severity
		}
		out = append(out, d)
	}
	return out
}

// Ignore drops the findings the config's ignore entries name for the file.
func Ignore(cfg *config.Config) Step {
	return func(f *File, ds []lint.Diagnostic) []lint.Diagnostic {
		if len(cfg.Ignore) == 0 {
			return ds
		}
		out := ds[:0]
		for _, d := range ds {
			if !cfg.Ignored(d.Rule, f.Rel) {
				out = append(out, d)
			}
		}
		return out
	}
}

// Sort puts the findings in output order (see Less), whatever order the
// rules reported them in.
func Sort(_ *File, ds []lint.Diagnostic) []lint.Diagnostic {
	sort.SliceStable(ds, func(i, j int) bool { return Less(&ds[i], &ds[j]) })
	return ds
}

// Less orders diagnostics by path, offset, end, rule, then message.
func Less(a, b *lint.Diagnostic) bool {
	if a.Path != b.Path {
		return a.Path < b.Path
	}
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	if a.End != b.End {
		return a.End < b.End
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

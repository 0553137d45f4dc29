package filter

import (
	"fmt"
	"slices"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/lint"
)

// Suppress drops the findings the file's suppression comments cover, and
// reports the comments that are malformed (invalid-suppression) or match no
// finding (unused-suppression), as staticcheck reports its ignore
// directives. Those findings of its own go through own (the config steps),
// and are never suppressed themselves.
//
// disabled are the rules turned off from the command line (--select,
// --ignore): a comment naming only such rules cannot match a finding, and
// is not reported as unused, as ruff does for codes left out by --select.
func Suppress(reg *lint.Registry, disabled map[string]bool, own Step) Step {
	return func(f *File, ds []lint.Diagnostic) []lint.Diagnostic {
		dirs := f.Summary.Directives
		if len(dirs) == 0 {
			return ds
		}
		kept, extra := suppress(reg, disabled, f, ds)
		return append(kept, own(f, extra)...)
	}
}

// suppress returns the findings no directive covers, and the findings about
// the directives themselves, without a severity yet.
func suppress(reg *lint.Registry, disabled map[string]bool, f *File, ds []lint.Diagnostic) (kept, extra []lint.Diagnostic) {
	dirs := f.Summary.Directives
	sum := f.Summary
	used := make([]bool, len(dirs))
	add := func(rule string, sp document.Span, msg string) {
		d := lint.Diagnostic{Path: f.Path, Rule: rule, Message: msg, Start: sp.Start, End: sp.End}
		if r, ok := reg.Lookup(rule); ok {
			d.Category = r.Category
		}
		extra = append(extra, d)
	}
	// Regions: each disable opens a region per rule until a matching enable.
	type region struct {
		dir        int
		start, end int
	}
	var regions []region
	for i := range dirs {
		d := &dirs[i]
		for _, id := range d.Rules {
			if _, ok := reg.Lookup(id); !ok {
				add("invalid-suppression", d.Span, fmt.Sprintf("%s names unknown rule %q", d.Kind, id))
			}
		}
		if d.Reason == "" && d.Kind != document.Enable {
			add("invalid-suppression", d.Span, fmt.Sprintf("%s has no reason; add one after \"--\", for example <!-- %s %s -- quoting the original title -->", d.Kind, d.Kind, firstOr(d.Rules, "RULE")))
		}
		switch d.Kind {
		case document.Disable:
			end := len(sum.Src)
			for j := i + 1; j < len(dirs); j++ {
				if dirs[j].Kind == document.Enable && slices.Equal(dirs[j].Rules, d.Rules) {
					end = dirs[j].Span.Start
					used[j] = true // an enable closing a region is always in use
					break
				}
			}
			regions = append(regions, region{i, d.Span.End, end})
		case document.Enable:
			opened := false
			for j := i - 1; j >= 0; j-- {
				if dirs[j].Kind == document.Disable && slices.Equal(dirs[j].Rules, d.Rules) {
					opened = true
					break
				}
			}
			if !opened {
				add("invalid-suppression", d.Span, "copydesk-enable without an earlier copydesk-disable for the same rules")
				used[i] = true
			}
		}
	}
	kept = ds[:0]
	for _, dg := range ds {
		suppressed := false
		for i := range dirs {
			d := &dirs[i]
			if !d.Covers(dg.Rule) {
				continue
			}
			hit := false
			switch d.Kind {
			case document.DisableFile:
				hit = true
			case document.DisableNextLine:
				hit = sum.Line(dg.Start) == sum.Line(d.Span.End)+1
			}
			if hit {
				used[i] = true
				suppressed = true
			}
		}
		for _, rg := range regions {
			if dirs[rg.dir].Covers(dg.Rule) && dg.Start >= rg.start && dg.Start < rg.end {
				used[rg.dir] = true
				suppressed = true
			}
		}
		if !suppressed {
			kept = append(kept, dg)
		}
	}
	for i := range dirs {
		if !used[i] && dirs[i].Kind != document.Enable && !allDisabled(disabled, dirs[i].Rules) {
			add("unused-suppression", dirs[i].Span, fmt.Sprintf("%s %s matches no finding; remove it", dirs[i].Kind, firstOr(dirs[i].Rules, "(all rules)")))
		}
	}
	return kept, extra
}

// allDisabled: every rule a directive names is turned off from the command
// line. A directive naming no rule names every rule, and is not.
func allDisabled(disabled map[string]bool, ids []string) bool {
	if len(ids) == 0 || len(disabled) == 0 {
		return false
	}
	for _, id := range ids {
		if !disabled[id] {
			return false
		}
	}
	return true
}

func firstOr(ss []string, def string) string {
	if len(ss) == 0 {
		return def
	}
	if len(ss) == 1 {
		return ss[0]
	}
	return fmt.Sprint(ss)
}

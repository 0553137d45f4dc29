package report

import (
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/engine"
)

// HomeURL is copydesk's home page, named in SARIF and reviewdog output.
const HomeURL = "https://github.com/copydesk/copydesk"

// RuleURL returns the documentation address of a rule.
func RuleURL(id string) string {
	return HomeURL + "/blob/main/docs/rules.md#" + id
}

// Options are the settings of a format chosen by name; formats ignore the
// ones they have no use for.
type Options struct {
	Color      bool // text: ANSI colours
	Statistics bool // text and json: counts per rule instead of each diagnostic
	// OmitFailures: text leaves out the files that could not be read,
	// which the command prints on standard error.
	OmitFailures bool
}

// formats maps the contract names of --format to their formatters, in the
// order Formats lists them.
var formats = []struct {
	name string
	make func(Options) Formatter
}{
	{"text", func(o Options) Formatter {
		return Text{Color: o.Color, Statistics: o.Statistics, OmitFailures: o.OmitFailures}
	}},
	{"json", func(o Options) Formatter {
		if o.Statistics {
			return JSONStatistics{}
		}
		return JSON{}
	}},
	{"json-lines", func(Options) Formatter { return JSONLines{} }},
	{"sarif", func(Options) Formatter { return SARIF{} }},
	{"github", func(Options) Formatter { return GitHub{} }},
	{"rdjsonl", func(Options) Formatter { return RDJSONL{} }},
	{"checkstyle", func(Options) Formatter { return Checkstyle{} }},
	{"junit", func(Options) Formatter { return JUnit{} }},
}

// Formats returns the names ByName accepts, a public contract.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// ByName returns the formatter of a --format name; the error lists the
// known names.
func ByName(name string, opt Options) (Formatter, error) {
	for _, f := range formats {
		if f.name == name {
			if opt.Statistics && name != "text" && name != "json" {
				return nil, fmt.Errorf("%s has no statistics; --statistics prints per-rule counts as text or json", name)
			}
			return f.make(opt), nil
		}
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", name, strings.Join(Formats(), ", "))
}

// Keeps returns how much of each text f needs the engine to keep: the
// findings' lines for the formats that show them (text, JUnit) or hash
// them (SARIF's fingerprints), their positions for the other formats here, and
// the whole text for a formatter this package does not know.
func Keeps(f Formatter) engine.Keep {
	switch f := f.(type) {
	case Text:
		if f.Statistics {
			return engine.KeepPositions
		}
		return engine.KeepLines
	case SARIF, JUnit: // JUnit's failures hold the text format's lines
		return engine.KeepLines
	case JSON, JSONStatistics, JSONLines, GitHub, RDJSONL, Checkstyle:
		return engine.KeepPositions
	}
	return engine.KeepText
}

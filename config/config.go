package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/read"
	yaml "go.yaml.in/yaml/v3"
)

// FileName is the file copydesk looks for from the current folder up.
const FileName = ".copydesk.yaml"

// DateSources lists the sources a date may be read from.
var DateSources = []string{"line", "front-matter", "file-name", "path"}

// RuleConfig is a rule's configured severity and options; nil fields keep
// the default.
type RuleConfig struct {
	Severity *lint.Severity
	Options  map[string]any // by name, as decoded: bool, int, string or []string
}

// Override applies rule settings to the files its globs match, in order.
type Override struct {
	Paths []string
	Rules map[string]RuleConfig
	// AddStyles and DropStyles change which house styles apply.
	AddStyles, DropStyles []string
}

// StylesConfig names the house styles: a folder in Vale's StylesPath
// layout (PATH/NAME/RULE.yml) and the styles every file uses.
type StylesConfig struct {
	Path string // relative to the config's folder
	Use  []string
	// Vocab names Vale vocabularies, PATH/config/vocabularies/NAME with
	// accept.txt and reject.txt, which every file's style rules take.
	Vocab []string
	Line  int // of the styles key, for messages
}

// Ignore drops some rules' findings (all when Rules is empty) in matching files.
type Ignore struct {
	Paths  []string
	Rules  []string
	Reason string
}

// Config is a parsed .copydesk.yaml.
type Config struct {
	File      string // where it was read from; "" for the defaults
	Dir       string // globs are relative to this folder
	Include   []string
	Exclude   []string
	Rules     map[string]RuleConfig
	Overrides []Override
	Ignore    []Ignore
	lint.
		// Project holds the settings that are no one rule's (the names
		// glossary, where dates come from): what rules see of the config.
		Project

	NamesFiles []string
	// Corpus globs name the whole archive, read for the checks that compare
	// articles (links, names) even when only some files are linted.
	Corpus []string
	// MaxFileSize is the largest input read, in bytes; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
	// Disabled rules are off for every file whatever the rules and
	// overrides say: the command line's --select and --ignore.
	Disabled map[string]bool
	// Styles are the house styles; nil when the config names none.
	Styles *StylesConfig

	mu            sync.Mutex
	settingsCache map[string]map[string]RuleSettings
	cacheReg      *lint.Registry

	cwdOnce sync.Once
	cwd     string
	cwdErr  error
}

// FileSizeLimit is the largest input the config lets copydesk read.
func (c *Config) FileSizeLimit() int64 {
	if c == nil || c.MaxFileSize <= 0 {
		return read.DefaultMaxFileSize
	}
	return c.MaxFileSize
}

// DefaultInclude is what `lint` reads when the config names nothing.
var DefaultInclude = []string{"*.txt", "*.md", "*.markdown", "*.mdx"}

// Find walks up from dir to the first .copydesk.yaml; "" when none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find config: %w", err)
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates a config file against the rule registry.
func Load(file string, reg *lint.Registry) (*Config, error) {
	data, err := read.File(file, read.DefaultMaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return loadConfigData(data, file, reg)
}

// loadConfigData is LoadConfig for a config already read.
func loadConfigData(data []byte, file string, reg *lint.Registry) (*Config, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	c, err := Parse(data, file, reg)
	if err != nil {
		return nil, err
	}
	c.File, c.Dir = file, filepath.Dir(abs)
	if err := c.loadNamesFiles(reg); err != nil {
		return nil, err
	}
	return c, nil
}

// Default is used when no file is found: every rule at its default.
func Default(dir string) *Config {
	abs, _ := filepath.Abs(dir)
	return &Config{Dir: abs, Include: DefaultInclude, Rules: map[string]RuleConfig{}}
}

// configError points at the file, line and key that is wrong.
type configError struct {
	file string
	line int
	msg  string
}

func (e *configError) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

type configParser struct {
	file     string
	reg      *lint.Registry
	errs     []error
	anyStyle bool
}

func (p *configParser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &configError{file: p.file, line: n.Line, msg: fmt.Sprintf(format, args...)})
}

// Parse parses config text; name is used in messages. Unknown keys and
// bad values are errors that name the line and the key.
func Parse(data []byte, name string, reg *lint.Registry) (*Config, error) {
	return parseConfig(data, name, reg, false)
}

// parseConfig with anyStyle accepts every Style.Rule ID in rules and
// ignore: the first reading, before the styles are loaded.
func parseConfig(data []byte, name string, reg *lint.Registry, anyStyle bool) (*Config, error) {
	c := &Config{Include: DefaultInclude, Rules: map[string]RuleConfig{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: not valid YAML: %w", name, err)
	}
	if len(root.Content) == 0 {
		return c, nil
	}
	if problem := parse.YAMLBounds(&root); problem != "" {
		return nil, fmt.Errorf("%s: the config %s", name, problem)
	}
	p := &configParser{file: name, reg: reg, anyStyle: anyStyle}
	p.duplicates(&root)
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		p.errorf(top, "the config must be a mapping of keys such as rules, include, exclude")
		return nil, errors.Join(p.errs...)
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch k.Value {
		case "version":
			if v.Value != "1" {
				p.errorf(v, "version: unsupported config version %q (this copydesk reads version 1)", v.Value)
			}
		case "include":
			c.Include = p.globs(v, "include")
		case "exclude":
			c.Exclude = p.globs(v, "exclude")
		case "rules":
			c.Rules = p.rules(v, "rules")
		case "overrides":
			c.Overrides = p.overrides(v)
		case "ignore":
			c.Ignore = p.ignores(v)
		case "names":
			c.Names = append(c.Names, p.names(v, "names")...)
		case "names-files":
			c.NamesFiles = p.strings(v, "names-files")
		case "dates":
			c.Dates = p.dates(v)
		case "corpus":
			c.Corpus = p.globs(v, "corpus")
		case "max-file-size":
			c.MaxFileSize = p.size(v, "max-file-size")
		case "styles":
			c.Styles = p.styles(v)
		default:
			p.errorf(k, "unknown key %q (known: version, include, exclude, rules, overrides, ignore, names, names-files, dates, corpus, max-file-size, styles)", k.Value)
		}
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return c, nil
}

func (p *configParser) strings(v *yaml.Node, key string) []string {
	if v.Kind == yaml.ScalarNode {
		return []string{v.Value}
	}
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "%s: want a list of strings", key)
		return nil
	}
	out := make([]string, 0, len(v.Content))
	for _, e := range v.Content {
		if e.Kind != yaml.ScalarNode {
			p.errorf(e, "%s: want a string, got a %s", key, kindName(e))
			continue
		}
		out = append(out, e.Value)
	}
	return out
}

func (p *configParser) globs(v *yaml.Node, key string) []string {
	items := []*yaml.Node{v}
	if v.Kind == yaml.SequenceNode {
		items = v.Content
	}
	var out []string
	for _, e := range items {
		if e.Kind != yaml.ScalarNode {
			p.errorf(e, "%s: want a glob (a string), got a %s", key, kindName(e))
			continue
		}
		if tag := e.ShortTag(); tag != "!!str" {
			// include: [1, 2] is a list of numbers, not of file names.
			p.errorf(e, "%s: want a glob (a string), got %s %s; quote it if it is a file name", key, strings.TrimPrefix(tag, "!!"), e.Value)
			continue
		}
		g := e.Value
		switch {
		case !ValidGlob(g):
			p.errorf(e, "%s: malformed glob %q", key, g)
		case slices.Contains(strings.Split(g, "/"), ".."):
			p.errorf(e, "%s: glob %q reaches outside the config's folder; globs are relative to it and match nothing above it", key, g)
		}
		out = append(out, g)
	}
	return out
}

// size reads a number of bytes: 1048576, or with a unit: 512 KiB, 64 MiB,
// 1 GiB (KB, MB and GB are read as the same powers of two).
func (p *configParser) size(v *yaml.Node, key string) int64 {
	bad := func() int64 {
		p.errorf(v, "%s: want a size such as 64 MiB or 1048576 (bytes) under 2 GiB, got %q", key, v.Value)
		return 0
	}
	if v.Kind != yaml.ScalarNode {
		return bad()
	}
	s := strings.TrimSpace(v.Value)
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1}} {
		if strings.HasSuffix(strings.ToLower(s), u.suffix) {
			s, mult = strings.TrimSpace(s[:len(s)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (parse.MaxFileSize-1)/mult {
		return bad()
	}
	return n * mult
}

// duplicates reports a key written twice in one mapping: YAML readers
// disagree on which one wins, and the later one silently did here.
func (p *configParser) duplicates(n *yaml.Node) {
	if n == nil {
		return
	}
	if n.Kind == yaml.MappingNode {
		seen := map[string]int{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode {
				continue
			}
			if line, ok := seen[k.Value]; ok {
				p.errorf(k, "duplicate key %q (first at line %d); keep one", k.Value, line)
				continue
			}
			seen[k.Value] = k.Line
		}
	}
	for _, c := range n.Content {
		p.duplicates(c)
	}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

func (p *configParser) rules(v *yaml.Node, key string) map[string]RuleConfig {
	out := map[string]RuleConfig{}
	if v.Kind != yaml.MappingNode {
		p.errorf(v, "%s: want a mapping from rule ID to a severity or settings", key)
		return out
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, rv := v.Content[i], v.Content[i+1]
		rule, ok := p.reg.Lookup(k.Value)
		if !ok && p.anyStyle && lint.IsStyleID(k.Value) {
			continue
		}
		if !ok {
			p.errorf(k, "%s: unknown rule %q%s", key, k.Value, p.suggest(k.Value))
			continue
		}
		var rc RuleConfig
		switch rv.Kind {
		case yaml.ScalarNode:
			sev, err := lint.ParseSeverity(rv.Value)
			if err != nil {
				p.errorf(rv, "%s.%s: %v", key, k.Value, err)
				continue
			}
			rc.Severity = &sev
		case yaml.MappingNode:
			for j := 0; j+1 < len(rv.Content); j += 2 {
				ok, ov := rv.Content[j], rv.Content[j+1]
				if ok.Value == "severity" {
					sev, err := lint.ParseSeverity(ov.Value)
					if err != nil {
						p.errorf(ov, "%s.%s.severity: %v", key, k.Value, err)
						continue
					}
					rc.Severity = &sev
					continue
				}
				opt, declared := rule.Option(ok.Value)
				if !declared {
					known := []string{"severity"}
					for _, o := range rule.Options {
						known = append(known, o.Spec().Name)
					}
					p.errorf(ok, "%s.%s: unknown option %q (known: %s)", key, k.Value, ok.Value, strings.Join(known, ", "))
					continue
				}
				val, err := decodeOption(opt, ov)
				if err != nil {
					p.errorf(ov, "%s.%s.%s: %v", key, k.Value, ok.Value, err)
					continue
				}
				if rc.Options == nil {
					rc.Options = map[string]any{}
				}
				rc.Options[opt.Name] = val
			}
		default:
			p.errorf(rv, "%s.%s: want a severity (error, warning, info, off) or a mapping of settings", key, k.Value)
			continue
		}
		out[k.Value] = rc
	}
	return out
}

// decodeOption reads an option's value as the Go type of its kind, which
// is what the option's Get asserts.
func decodeOption(opt lint.OptionSpec, v *yaml.Node) (any, error) {
	switch opt.Kind {
	case lint.OptBool:
		var b bool
		if err := v.Decode(&b); err != nil {
			return nil, fmt.Errorf("want true or false, got %q", v.Value)
		}
		return b, nil
	case lint.OptInt:
		// The YAML decoder truncates 2.5 to 2 for an int; a fraction is
		// a mistake to report, not to round.
		var n int
		if err := v.Decode(&n); err != nil || v.ShortTag() != "!!int" {
			return nil, fmt.Errorf("want a whole number, got %q", v.Value)
		}
		return n, nil
	case lint.OptString:
		if v.Kind != yaml.ScalarNode {
			return nil, errors.New("want a string")
		}
		if len(opt.Enum) > 0 && !slices.Contains(opt.Enum, v.Value) {
			return nil, fmt.Errorf("want one of %s, got %q", strings.Join(opt.Enum, ", "), v.Value)
		}
		return v.Value, nil
	case lint.OptStrings:
		var ss []string
		if err := v.Decode(&ss); err != nil {
			return nil, errors.New("want a list of strings")
		}
		return ss, nil
	}
	return nil, errors.New("unsupported option kind")
}

// suggest offers the closest rule ID for a misspelt one.
func (p *configParser) suggest(id string) string {
	best, bestD := "", 4
	for _, r := range p.reg.Rules() {
		if d := EditDistance(id, r.ID); d < bestD {
			best, bestD = r.ID, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

func (p *configParser) overrides(v *yaml.Node) []Override {
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "overrides: want a list of {paths, rules}")
		return nil
	}
	var out []Override
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "overrides: each entry is a mapping with paths and rules")
			continue
		}
		var o Override
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, ov := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "paths":
				o.Paths = p.globs(ov, "overrides.paths")
			case "rules":
				o.Rules = p.rules(ov, "overrides.rules")
			case "styles":
				o.AddStyles, o.DropStyles = p.overrideStyles(ov)
			default:
				p.errorf(k, "overrides: unknown key %q (known: paths, rules, styles)", k.Value)
			}
		}
		if len(o.Paths) == 0 {
			p.errorf(e, "overrides: an entry needs paths")
		}
		out = append(out, o)
	}
	return out
}

func (p *configParser) ignores(v *yaml.Node) []Ignore {
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "ignore: want a list of {paths, rules, reason}")
		return nil
	}
	var out []Ignore
	for _, e := range v.Content {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "ignore: each entry is a mapping with paths, rules and reason")
			continue
		}
		var ig Ignore
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, iv := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "paths":
				ig.Paths = p.globs(iv, "ignore.paths")
			case "rules":
				ig.Rules = p.strings(iv, "ignore.rules")
				for _, id := range ig.Rules {
					if _, ok := p.reg.Lookup(id); !ok && (!p.anyStyle || !lint.IsStyleID(id)) {
						p.errorf(iv, "ignore.rules: unknown rule %q%s", id, p.suggest(id))
					}
				}
			case "reason":
				ig.Reason = iv.Value
			default:
				p.errorf(k, "ignore: unknown key %q (known: paths, rules, reason)", k.Value)
			}
		}
		if len(ig.Paths) == 0 {
			p.errorf(e, "ignore: an entry needs paths")
		}
		out = append(out, ig)
	}
	return out
}

// RuleSettings is a rule's effective severity and options for one file.
type RuleSettings struct {
	Severity lint.Severity
	Options  lint.Options
}

// Settings resolves every rule's severity and options for a file given by
// its slash-separated path relative to the config folder: defaults, then
// the rules section, then each matching override in order.
func (c *Config) Settings(reg *lint.Registry, rel string) map[string]RuleSettings {
	// Files matching the same overrides share settings; most archives have
	// a handful of combinations, so they are computed once each.
	var key strings.Builder
	for i, ov := range c.Overrides {
		if matchAny(ov.Paths, rel) {
			fmt.Fprintf(&key, "%d,", i)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.settingsCache[key.String()]; ok && c.cacheReg == reg {
		return s
	}
	s := c.settings(reg, rel)
	if c.settingsCache == nil || c.cacheReg != reg {
		c.settingsCache, c.cacheReg = map[string]map[string]RuleSettings{}, reg
	}
	c.settingsCache[key.String()] = s
	return s
}

func (c *Config) settings(reg *lint.Registry, rel string) map[string]RuleSettings {
	out := make(map[string]RuleSettings, len(reg.Rules()))
	for _, r := range reg.Rules() {
		// The zero Options are the defaults, as the rule declares them.
		s := RuleSettings{Severity: r.Severity}
		apply := func(rc RuleConfig, ok bool) {
			if !ok {
				return
			}
			if rc.Severity != nil {
				s.Severity = *rc.Severity
			}
			for k, v := range rc.Options {
				s.Options = s.Options.With(k, v)
			}
		}
		if c.Styles != nil && lint.IsStyleID(r.ID) && !c.styleOn(r.ID[:strings.IndexByte(r.ID, '.')], rel) {
			out[r.ID] = RuleSettings{Severity: lint.SeverityOff, Options: s.Options}
			continue
		}
		rc, ok := c.Rules[r.ID]
		apply(rc, ok)
		for _, ov := range c.Overrides {
			if matchAny(ov.Paths, rel) {
				rc, ok := ov.Rules[r.ID]
				apply(rc, ok)
			}
		}
		if c.Disabled[r.ID] {
			s.Severity = lint.SeverityOff
		}
		out[r.ID] = s
	}
	return out
}

// Ignored reports whether config ignore entries drop rule's findings in rel.
func (c *Config) Ignored(rule, rel string) bool {
	for _, ig := range c.Ignore {
		if matchAny(ig.Paths, rel) && (len(ig.Rules) == 0 || slices.Contains(ig.Rules, rule)) {
			return true
		}
	}
	return false
}

// Selects reports whether a file found while walking folders is linted:
// it matches an include glob and no exclude glob.
func (c *Config) Selects(rel string) bool {
	return matchAny(c.Include, rel) && !matchAny(c.Exclude, rel)
}

// Excluded reports whether an exclude glob matches rel; files named on the
// command line are linted unless excluded.
func (c *Config) Excluded(rel string) bool { return matchAny(c.Exclude, rel) }

// Rel returns a file's path relative to the config folder, slash-separated.
func (c *Config) Rel(path string) string {
	abs := path
	if !filepath.IsAbs(path) {
		// filepath.Abs asks the system for the working folder on every
		// call; an archive has thousands of files, so it is asked once.
		c.cwdOnce.Do(func() { c.cwd, c.cwdErr = os.Getwd() })
		if c.cwdErr != nil {
			return filepath.ToSlash(path)
		}
		abs = filepath.Join(c.cwd, path)
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

func matchAny(globs []string, rel string) bool {
	for _, g := range globs {
		if MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// EditDistance is the Levenshtein distance between two strings, by rune.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// SortedRuleIDs lists configured rule IDs in order, for stable messages.
func (c *Config) SortedRuleIDs() []string {
	ids := make([]string, 0, len(c.Rules))
	for id := range c.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (p *configParser) names(v *yaml.Node, key string) []lint.NameEntry {
	if v.Kind != yaml.SequenceNode {
		p.errorf(v, "%s: want a list of {name, aliases, variants}", key)
		return nil
	}
	var out []lint.NameEntry
	for _, e := range v.Content {
		if e.Kind == yaml.ScalarNode {
			out = append(out, lint.NameEntry{Name: e.Value, Source: fmt.Sprintf("%s:%d", p.file, e.Line)})
			continue
		}
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "%s: each entry is a name or a mapping with name, aliases and variants", key)
			continue
		}
		n := lint.NameEntry{Source: fmt.Sprintf("%s:%d", p.file, e.Line)}
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, nv := e.Content[i], e.Content[i+1]
			switch k.Value {
			case "name":
				n.Name = nv.Value
			case "aliases":
				n.Aliases = p.strings(nv, key+".aliases")
			case "variants":
				n.Variants = p.strings(nv, key+".variants")
			case "distinct":
				n.Distinct = p.strings(nv, key+".distinct")
			default:
				p.errorf(k, "%s: unknown key %q (known: name, aliases, variants, distinct)", key, k.Value)
			}
		}
		if strings.TrimSpace(n.Name) == "" && len(n.Distinct) < 2 {
			p.errorf(e, "%s: an entry needs a name, or distinct with two names or more", key)
			continue
		}
		out = append(out, n)
	}
	return out
}

func (p *configParser) dates(v *yaml.Node) lint.DatesConfig {
	var d lint.DatesConfig
	if v.Kind != yaml.MappingNode {
		p.errorf(v, "dates: want a mapping with sources, undated and order")
		return d
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, dv := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "sources":
			d.Sources = p.strings(dv, "dates.sources")
			for _, s := range d.Sources {
				if !slices.Contains(DateSources, s) {
					p.errorf(dv, "dates.sources: unknown source %q (known: %s)", s, strings.Join(DateSources, ", "))
				}
			}
		case "undated":
			d.Undated = p.globs(dv, "dates.undated")
		case "order":
			d.Order = dv.Value
			if d.Order != "day-first" && d.Order != "month-first" {
				p.errorf(dv, "dates.order: want day-first or month-first, got %q", d.Order)
			}
		default:
			p.errorf(k, "dates: unknown key %q (known: sources, undated, order)", k.Value)
		}
	}
	return d
}

// loadNamesFiles reads the glossary files named by names-files, relative to
// the config's folder; each holds a list of entries, or a mapping whose
// names key holds one.
func (c *Config) loadNamesFiles(reg *lint.Registry) error {
	var errs []error
	for _, f := range c.NamesFiles {
		path := f
		if !filepath.IsAbs(path) {
			path = filepath.Join(c.Dir, f)
		}
		data, err := read.File(path, c.FileSizeLimit())
		if err != nil {
			errs = append(errs, fmt.Errorf("names-files: %w", err))
			continue
		}
		var root yaml.Node
		if err := yaml.Unmarshal(data, &root); err != nil {
			errs = append(errs, fmt.Errorf("%s: not valid YAML: %w", f, err))
			continue
		}
		if len(root.Content) == 0 {
			continue
		}
		if problem := parse.YAMLBounds(&root); problem != "" {
			errs = append(errs, fmt.Errorf("%s: the names file %s", f, problem))
			continue
		}
		p := &configParser{file: f, reg: reg}
		p.duplicates(&root)
		n := root.Content[0]
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == "names" {
					n = n.Content[i+1]
					break
				}
			}
		}
		c.Names = append(c.Names, p.names(n, "names")...)
		errs = append(errs, p.errs...)
	}
	return errors.Join(errs...)
}

// OffEverywhere reports whether the config turns a rule off for every file:
// off in the rules section and not turned back on by any override. The
// engine then skips its work altogether, collection for corpus rules too.
func (c *Config) OffEverywhere(id string) bool {
	if c.Disabled[id] {
		return true
	}
	rc, ok := c.Rules[id]
	if !ok || rc.Severity == nil || *rc.Severity != lint.SeverityOff {
		return false
	}
	for _, ov := range c.Overrides {
		if rc, ok := ov.Rules[id]; ok && rc.Severity != nil && *rc.Severity != lint.SeverityOff {
			return false
		}
	}
	return true
}

func (p *configParser) styles(v *yaml.Node) *StylesConfig {
	sc := &StylesConfig{Line: v.Line}
	if v.Kind != yaml.MappingNode {
		p.errorf(v, "styles: want a mapping with path and use")
		return sc
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, sv := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "path":
			sc.Path = sv.Value
		case "use":
			sc.Use = p.strings(sv, "styles.use")
		case "vocab":
			sc.Vocab = p.strings(sv, "styles.vocab")
		default:
			p.errorf(k, "styles: unknown key %q (known: path, use, vocab)", k.Value)
		}
	}
	if sc.Path == "" {
		sc.Path = "styles"
	}
	return sc
}

func (p *configParser) overrideStyles(v *yaml.Node) (add, drop []string) {
	if v.Kind != yaml.MappingNode {
		p.errorf(v, "overrides.styles: want a mapping with add and drop")
		return nil, nil
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, sv := v.Content[i], v.Content[i+1]
		switch k.Value {
		case "add":
			add = p.strings(sv, "overrides.styles.add")
		case "drop":
			drop = p.strings(sv, "overrides.styles.drop")
		default:
			p.errorf(k, "overrides.styles: unknown key %q (known: add, drop)", k.Value)
		}
	}
	return add, drop
}

// styleOn reports whether a house style applies to a file: in use, then
// added or dropped by each matching override in order.
func (c *Config) styleOn(style, rel string) bool {
	on := slices.Contains(c.Styles.Use, style)
	for _, ov := range c.Overrides {
		if matchAny(ov.Paths, rel) {
			if slices.Contains(ov.AddStyles, style) {
				on = true
			}
			if slices.Contains(ov.DropStyles, style) {
				on = false
			}
		}
	}
	return on
}

// StyleNames lists every style the config may apply somewhere: those in
// use and those an override adds.
func (c *Config) StyleNames() []string {
	if c.Styles == nil {
		return nil
	}
	names := append([]string(nil), c.Styles.Use...)
	for _, ov := range c.Overrides {
		for _, s := range ov.AddStyles {
			if !slices.Contains(names, s) {
				names = append(names, s)
			}
		}
	}
	return names
}

// StyleLoader compiles named house styles from a folder into rules, with
// the named vocabularies of that folder.
type StyleLoader func(dir string, names, vocab []string) ([]*lint.Rule, error)

// LoadStyles is LoadConfig for a config that may name house styles:
// their rules join base's, so that the rules section may name them too.
// It returns the registry the run uses.
func LoadStyles(file string, base *lint.Registry, load StyleLoader) (*Config, *lint.Registry, error) {
	data, err := read.File(file, read.DefaultMaxFileSize)
	if err != nil {
		return nil, nil, fmt.Errorf("read config: %w", err)
	}
	// A first reading with a registry that accepts any style rule ID finds
	// the styles; the second checks the rules section against them.
	pre, err := parseConfig(data, file, base, true)
	if err != nil || pre.Styles == nil {
		if err != nil {
			return nil, nil, err
		}
		c, err := loadConfigData(data, file, base)
		return c, base, err
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, nil, fmt.Errorf("read config: %w", err)
	}
	dir := pre.Styles.Path
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(filepath.Dir(abs), dir)
	}
	rules, err := load(dir, pre.StyleNames(), pre.Styles.Vocab)
	if err != nil {
		return nil, nil, fmt.Errorf("%s:%d: styles: %w", file, pre.Styles.Line, err)
	}
	reg, err := lint.NewRegistry(append(append([]*lint.Rule(nil), base.Rules()...), rules...)...)
	if err != nil {
		return nil, nil, fmt.Errorf("%s:%d: styles: %w", file, pre.Styles.Line, err)
	}
	c, err := loadConfigData(data, file, reg)
	return c, reg, err
}

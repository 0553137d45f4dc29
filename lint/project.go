package lint

// Project is the part of the configuration that belongs to no one rule:
// the names glossary and where dates come from. Rules see this, never the
// whole Config, so that the rule API does not depend on how a
// configuration is found, parsed or overridden per path.
type Project struct {
	// Names is the glossary: canonical names with their accepted aliases
	// and known wrong variants, from `names` and the `names-files`.
	Names []NameEntry
	Dates DatesConfig
}

// NameEntry is one glossary entry.
type NameEntry struct {
	Name     string   // the canonical spelling
	Aliases  []string // other accepted forms: HCMST, the Museum
	Variants []string // known wrong forms
	// Distinct are names that look like this one and are other names
	// (`- distinct: [A, B]`, Name may then be empty): never reported as
	// each other's variants.
	Distinct []string
	Source   string // file:line where the entry was written, for messages
}

// DatesConfig says where publication dates are read and how.
type DatesConfig struct {
	// Sources are where a date may come from: line (a date line in a plain
	// text export), front-matter, file-name (2025-03-14-slug.md), path
	// (/2025/03/14/). All of them when empty.
	Sources []string
	// Undated globs name pages that have no date by design.
	Undated []string
	// Order reads ambiguous numeric dates: day-first, month-first, or ""
	// to report them as ambiguous.
	Order string
}

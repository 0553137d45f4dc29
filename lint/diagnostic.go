package lint

import (
	"fmt"
	"strings"
)

// Severity orders how much a diagnostic matters; higher is worse.
type Severity uint8

// The severities, from least to most serious. SeverityOff disables a rule.
const (
	SeverityOff Severity = iota
	SeverityInfo
	SeverityWarning
	SeverityError
)

func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "off"
}

// ParseSeverity reads a severity as written in config files and flags.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return SeverityError, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "info", "note":
		return SeverityInfo, nil
	case "off", "none":
		return SeverityOff, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q (want error, warning, info or off)", s)
}

// Applicability says whether a fix may be applied without a person looking at it.
type Applicability uint8

// Safe fixes are applied by `copydesk fix`; unsafe ones only with --unsafe.
const (
	Safe Applicability = iota
	Unsafe
)

func (a Applicability) String() string {
	if a == Unsafe {
		return "unsafe"
	}
	return "safe"
}

// An Edit replaces the bytes [Start, End) of a document with NewText.
// Start == End inserts.
type Edit struct {
	Start, End int
	NewText    string
}

// A Fix is a set of edits that must be applied together, described by a
// verb phrase ("Remove the second "the"").
type Fix struct {
	Message       string
	Applicability Applicability
	Edits         []Edit
}

// A Diagnostic is one problem in one document. Ranges are byte offsets into
// Document.Src, end exclusive; lines and columns are computed when printing.
type Diagnostic struct {
	Path     string
	Rule     string
	Category string
	Severity Severity
	Message  string
	Start    int
	End      int
	Fix      *Fix
}

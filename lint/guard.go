package lint

import "github.com/copydesk/copydesk/document"

// GuardFix keeps safe fixes off protected markup, in one place for every
// rule: a safe fix whose edit touches a reference label or an entity
// reference becomes unsafe, and a fix that would edit other markup (a
// container line, a shortcode, a tag) is dropped, whatever its
// applicability. The finding itself stays.
func GuardFix(s *document.Summary, d *Diagnostic) {
	if d.Fix == nil || len(s.Protected) == 0 {
		return
	}
	for _, e := range d.Fix.Edits {
		p, ok := s.ProtectedAt(e.Start, e.End)
		if !ok {
			continue
		}
		if p.Kind == document.ProtectMarkup {
			d.Fix = nil
			return
		}
		if d.Fix.Applicability == Safe {
			f := *d.Fix
			f.Applicability = Unsafe
			f.Message += " (it edits " + p.Kind.String() + ")"
			d.Fix = &f
		}
	}
}

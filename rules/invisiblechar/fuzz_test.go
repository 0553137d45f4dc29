package invisiblechar_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/invisiblechar"
)

// FuzzRule runs the rule and the fix loop on arbitrary text.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, invisiblechar.Rule,
		"a\u200bb\u00adc \ufeff d\x0be\x0c \u0092 \u202e x \u05e9\u200f", "\U0001F469\u200d\U0001F52C \u0645\u200c\u062e \u0e20\u200b\u0e44 Caf\u00c3\u00ad")
}

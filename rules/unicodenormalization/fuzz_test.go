package unicodenormalization_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/unicodenormalization"
)

// FuzzRule runs the rule and the fix loop on arbitrary text.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, unicodenormalization.Rule,
		"Cafe\u0301 Lesin\u0301ski \u212b \uf90a e\u0301\u0301", "\u1112\u1161\u11ab x\u0301")
}

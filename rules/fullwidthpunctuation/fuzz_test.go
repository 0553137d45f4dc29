package fullwidthpunctuation_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/fullwidthpunctuation"
)

// FuzzRule runs the rule and the fix loop on arbitrary text.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, fullwidthpunctuation.Rule,
		"word，word （LU）and ３０２。Next 中文，English", "a（b）c，1，000 f（x）")
}

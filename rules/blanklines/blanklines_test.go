package blanklines_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/blanklines"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", blanklines.Rule)
}

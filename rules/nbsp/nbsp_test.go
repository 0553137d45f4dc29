package nbsp_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/nbsp"
)

func TestRule(t *testing.T) {
	linttest.Run(t, "testdata", nbsp.Rule)
}

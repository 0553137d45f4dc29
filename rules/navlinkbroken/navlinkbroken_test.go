package navlinkbroken_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/navlinkbroken"
)

func TestRule(t *testing.T) {
	linttest.RunCorpus(t, "testdata", navlinkbroken.Rule)
}

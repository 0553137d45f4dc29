package mojibake_test

import (
	"testing"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/mojibake"
)

// FuzzRule runs the rule and the fix loop on arbitrary text.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, mojibake.Rule,
		"cafÃ© â€™ â€œxâ€\u009d 10Â km â€ Ã¢â‚¬â„¢ ï»¿ SÃO", "zÅ‚oty Å\u00a0i HÄ’S Ð¿Ñ€Ð¸ ä¸\u00adæ–‡")
}

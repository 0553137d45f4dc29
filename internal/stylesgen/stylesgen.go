// Package stylesgen writes generated house styles for benchmarks: a
// newsroom's long substitution list, invented and deterministic.
package stylesgen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// commonSwaps are invented house preferences among ordinary words, so that
// a generated list has hits in ordinary text.
var commonSwaps = [][2]string{
	{"percent", "per cent"}, {"utilize", "use"}, {"e-mail", "email"}, {"approximately", "about"},
	{"in order to", "to"}, {"commence", "start"}, {"towards", "toward"}, {"amongst", "among"},
	{"whilst", "while"}, {"prior to", "before"}, {"a number of", "some"}, {"at this time", "now"},
	{"in addition", "also"}, {"regarding", "about"}, {"facilitate", "help"}, {"numerous", "many"},
	{"subsequently", "later"}, {"the museum", "the Museum"}, {"director general", "director-general"},
	{"co-operate", "cooperate"},
}

// WriteBigList writes dir/Big/Swap.yml, a substitution rule of n entries:
// the common swaps above and invented two-word phrases, as a newsroom's
// long list of names and spellings would be. Deterministic.
func WriteBigList(dir string, n int) error {
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "ren", "vi", "dor", "sa", "mel", "tru", "po", "quin", "zar", "ne", "bel", "tor", "ish", "ga"}
	word := func() string {
		var b strings.Builder
		for k := 2 + r.IntN(3); k > 0; k-- {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString("extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nlevel: warning\nignorecase: true\nswap:\n")
	seen := map[string]bool{}
	for _, s := range commonSwaps {
		fmt.Fprintf(&b, "  %q: %q\n", s[0], s[1])
		seen[s[0]] = true
	}
	for len(seen) < n {
		k := word() + " " + word()
		if seen[k] {
			continue
		}
		seen[k] = true
		fmt.Fprintf(&b, "  %q: %q\n", k, strings.ToUpper(k[:1])+k[1:])
	}
	if err := os.MkdirAll(filepath.Join(dir, "Big"), 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "Big", "Swap.yml"), []byte(b.String()), 0o644)
}

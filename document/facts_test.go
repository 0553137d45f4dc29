package document

import (
	"math/bits"
	"testing"
)

func TestBlockFactsString(t *testing.T) {
	for _, c := range []struct {
		f    BlockFacts
		want string
	}{
		{0, "none"},
		{HasNonASCII, "non-ASCII"},
		{HasDoubleQuote | HasSingleQuote, "double quote|single quote"},
		{HasAmpersand, "ampersand"},
		{HasAmpersand << 1, "bit 11"},
	} {
		if got := c.f.String(); got != c.want {
			t.Errorf("%#x: got %q, want %q", uint32(c.f), got, c.want)
		}
	}
	if n := bits.OnesCount32(uint32(KnownFacts)); n != len(factNames) {
		t.Errorf("%d facts, %d names", n, len(factNames))
	}
}

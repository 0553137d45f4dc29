package corpusgen

import "testing"

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"20MB": 20 << 20, "500KB": 500 << 10, "1GB": 1 << 30, "1.5MB": 3 << 19, "4096": 4096,
		"4096B": 4096, "20mb": 20 << 20, "2MiB": 2 << 20, "300K": 300 << 10,
	} {
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-5MB", "0", "twentyMB", "5TB"} {
		if _, err := ParseSize(in); err == nil {
			t.Errorf("ParseSize(%q) succeeded", in)
		}
	}
}

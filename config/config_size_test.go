package config

import (
	"fmt"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/read"
)

func TestMaxFileSizeConfig(t *testing.T) {
	reg, err := lint.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		value string
		want  int64
		err   string
	}{
		{"1048576", 1 << 20, ""},
		{"512 KiB", 512 << 10, ""},
		{"64MB", 64 << 20, ""},
		{"1 GiB", 1 << 30, ""},
		{"0", 0, "c.yaml:1: max-file-size: want a size such as 64 MiB"},
		{"2 GiB", 0, "under 2 GiB"},
		{"lots", 0, `got "lots"`},
	} {
		c, err := Parse([]byte("max-file-size: "+tc.value+"\n"), "c.yaml", reg)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want %q", tc.value, err, tc.err)
		case tc.err == "" && (err != nil || c.FileSizeLimit() != tc.want):
			t.Errorf("%q: %v, %v; want %d", tc.value, c, err, tc.want)
		}
	}
	if got := Default(".").FileSizeLimit(); got != read.DefaultMaxFileSize {
		t.Errorf("default limit %d", got)
	}
}

// TestConfigAliasBomb: a config or names file over the bounds is an error
// that names it, and loading stops there.
func TestConfigAliasBomb(t *testing.T) {
	reg, err := lint.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	_, err = Parse([]byte(configBomb(8)+"rules:\n  repeated-word: *l8\n"), "bomb.yaml", reg)
	if err == nil || !strings.Contains(err.Error(), "bomb.yaml: the config expands its aliases") {
		t.Errorf("got %v", err)
	}
}

// configBomb is a config whose aliases expand to 9^levels values.
func configBomb(levels int) string {
	var b strings.Builder
	b.WriteString("l0: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i <= levels; i++ {
		p := fmt.Sprintf("*l%d", i-1)
		fmt.Fprintf(&b, "l%d: &l%d [%s]\n", i, i, strings.Repeat(p+",", 8)+p)
	}
	return b.String()
}

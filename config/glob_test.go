package config

import "testing"

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pat, name string
		want      bool
	}{
		{"*.md", "a.md", true},
		{"*.md", "x/y/a.md", true},
		{"*.md", "a.txt", false},
		{"archive/**", "archive/2019/a.txt", true},
		{"archive/", "archive/a.txt", true},
		{"archive/**", "news/archive/a.txt", false},
		{"**/drafts/*.md", "drafts/a.md", true},
		{"**/drafts/*.md", "x/y/drafts/a.md", true},
		{"**/drafts/*.md", "x/drafts/sub/a.md", false},
		{"news/*/a.md", "news/2025/a.md", true},
		{"news/*/a.md", "news/2025/03/a.md", false},
		{"news/**/a.md", "news/a.md", true},
		{"./news/*.txt", "news/b.txt", true},
	}
	for _, tt := range tests {
		if got := MatchGlob(tt.pat, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tt.pat, tt.name, got, tt.want)
		}
	}
	if ValidGlob("[a-") {
		t.Error("ValidGlob accepted a malformed class")
	}
}

package fixers

import (
	"bytes"
	"slices"
	"testing"

	"github.com/copydesk/copydesk/lint"
)

func ed(start, end int, text string) lint.Edit {
	return lint.Edit{Start: start, End: end, NewText: text}
}

func fix(msg string, edits ...lint.Edit) lint.Fix {
	return lint.Fix{Message: msg, Edits: edits}
}

func TestNormalize(t *testing.T) {
	src := []byte("the the cat sat on the mat") // 26 bytes
	utf := []byte("café au lait")               // é is bytes 3 and 4

	tests := []struct {
		name    string
		src     []byte
		fix     lint.Fix
		want    []lint.Edit
		wantErr string
	}{
		{
			name: "single edit",
			src:  src,
			fix:  fix("Remove the second 'the'", ed(3, 7, "")),
			want: []lint.Edit{ed(3, 7, "")},
		},
		{
			name: "sorted by start",
			src:  src,
			fix:  fix("x", ed(19, 22, "a"), ed(0, 3, "A"), ed(8, 11, "dog")),
			want: []lint.Edit{ed(0, 3, "A"), ed(8, 11, "dog"), ed(19, 22, "a")},
		},
		{
			name: "insertion sorts before a replacement at the same offset",
			src:  src,
			fix:  fix("x", ed(4, 7, "THE"), ed(4, 4, "[")),
			want: []lint.Edit{ed(4, 4, "["), ed(4, 7, "THE")},
		},
		{
			name: "touching edits are fine",
			src:  src,
			fix:  fix("x", ed(4, 8, ""), ed(0, 4, ""), ed(8, 8, ">")),
			want: []lint.Edit{ed(0, 4, ""), ed(4, 8, ""), ed(8, 8, ">")},
		},
		{
			name: "insert at end of text",
			src:  src,
			fix:  fix("Add a full stop", ed(26, 26, ".")),
			want: []lint.Edit{ed(26, 26, ".")},
		},
		{
			name: "whole multibyte rune",
			src:  utf,
			fix:  fix("x", ed(3, 5, "e")),
			want: []lint.Edit{ed(3, 5, "e")},
		},
		{
			// Stray bytes are not characters, so cutting next to them or
			// replacing them splits nothing.
			name: "stray continuation bytes",
			src:  []byte("a  \x97\x80b"),
			fix:  fix("x", ed(4, 5, "—"), ed(1, 3, " ")),
			want: []lint.Edit{ed(1, 3, " "), ed(4, 5, "—")},
		},
		{
			name: "inside a truncated sequence",
			src:  []byte("\xe2\x82x"),
			fix:  fix("x", ed(1, 2, "")),
			want: []lint.Edit{ed(1, 2, "")},
		},
		{
			name:    "splits a four-byte rune",
			src:     []byte("😀!"),
			fix:     fix("x", ed(2, 2, "?")),
			wantErr: `fix "x": edit 1 [2,2) splits a UTF-8 character at offset 2`,
		},
		{
			name:    "ends before it starts",
			src:     make([]byte, 50),
			fix:     fix("Remove the second 'the'", ed(0, 1, ""), ed(40, 38, "")),
			wantErr: `fix "Remove the second 'the'": edit 2 [40,38) ends before it starts`,
		},
		{
			name:    "past the end",
			src:     src,
			fix:     fix("x", ed(20, 27, "")),
			wantErr: `fix "x": edit 1 [20,27) is outside the text, which is 26 bytes long`,
		},
		{
			name:    "negative start",
			src:     src,
			fix:     fix("x", ed(-1, 2, "")),
			wantErr: `fix "x": edit 1 [-1,2) is outside the text, which is 26 bytes long`,
		},
		{
			name:    "overlap",
			src:     src,
			fix:     fix("x", ed(8, 12, ""), ed(0, 3, ""), ed(10, 14, "")),
			wantErr: `fix "x": edits 1 [8,12) and 3 [10,14) overlap`,
		},
		{
			name:    "insertion strictly inside a range",
			src:     src,
			fix:     fix("x", ed(5, 5, "!"), ed(4, 7, "")),
			wantErr: `fix "x": edits 1 [5,5) and 2 [4,7) overlap`,
		},
		{
			name:    "identical replacements overlap",
			src:     src,
			fix:     fix("x", ed(4, 7, "a"), ed(4, 7, "a")),
			wantErr: `fix "x": edits 1 [4,7) and 2 [4,7) overlap`,
		},
		{
			name:    "two insertions at one offset",
			src:     src,
			fix:     fix("x", ed(9, 9, "a"), ed(3, 3, "b"), ed(9, 9, "c")),
			wantErr: `fix "x": edits 1 and 3 both insert at offset 9`,
		},
		{
			name:    "start splits a rune",
			src:     utf,
			fix:     fix("x", ed(4, 5, "")),
			wantErr: `fix "x": edit 1 [4,5) splits a UTF-8 character at offset 4`,
		},
		{
			name:    "end splits a rune",
			src:     utf,
			fix:     fix("x", ed(0, 4, "")),
			wantErr: `fix "x": edit 1 [0,4) splits a UTF-8 character at offset 4`,
		},
		{
			name:    "no edits",
			src:     src,
			fix:     fix("Do nothing"),
			wantErr: `fix "Do nothing" has no edits`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := slices.Clone(tt.fix.Edits)
			got, err := Normalize(tt.src, tt.fix)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Normalize error = %v, want %q", err, tt.wantErr)
				}
				if got != nil {
					t.Errorf("Normalize returned edits %v along with an error", got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Normalize: %v", err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Normalize = %v, want %v", got, tt.want)
			}
			if !slices.Equal(tt.fix.Edits, orig) {
				t.Errorf("Normalize reordered the caller's edits: %v", tt.fix.Edits)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	src := []byte("0123456789")
	tests := []struct {
		name     string
		fixes    []lint.Fix
		want     []lint.Edit
		accepted []int
	}{
		{
			name: "none",
		},
		{
			name:     "disjoint fixes all accepted and interleaved",
			fixes:    []lint.Fix{fix("a", ed(6, 7, "x"), ed(0, 1, "y")), fix("b", ed(3, 4, "z"))},
			want:     []lint.Edit{ed(0, 1, "y"), ed(3, 4, "z"), ed(6, 7, "x")},
			accepted: []int{0, 1},
		},
		{
			name:     "overlap drops the later fix entirely",
			fixes:    []lint.Fix{fix("a", ed(2, 5, "")), fix("b", ed(0, 1, "q"), ed(4, 6, ""))},
			want:     []lint.Edit{ed(2, 5, "")},
			accepted: []int{0},
		},
		{
			name:     "first come first served",
			fixes:    []lint.Fix{fix("b", ed(4, 6, "")), fix("a", ed(2, 5, ""))},
			want:     []lint.Edit{ed(4, 6, "")},
			accepted: []int{0},
		},
		{
			name:     "touching ranges do not conflict",
			fixes:    []lint.Fix{fix("a", ed(2, 4, "A")), fix("b", ed(4, 6, "B")), fix("c", ed(0, 2, "C"))},
			want:     []lint.Edit{ed(0, 2, "C"), ed(2, 4, "A"), ed(4, 6, "B")},
			accepted: []int{0, 1, 2},
		},
		{
			name:     "insertions at either end of a range do not conflict",
			fixes:    []lint.Fix{fix("a", ed(2, 4, "A")), fix("b", ed(4, 4, ">")), fix("c", ed(2, 2, "<"))},
			want:     []lint.Edit{ed(2, 2, "<"), ed(2, 4, "A"), ed(4, 4, ">")},
			accepted: []int{0, 1, 2},
		},
		{
			name:     "insertion strictly inside a range conflicts",
			fixes:    []lint.Fix{fix("a", ed(2, 5, "")), fix("b", ed(3, 3, "!"))},
			want:     []lint.Edit{ed(2, 5, "")},
			accepted: []int{0},
		},
		{
			name:     "range around an earlier insertion conflicts",
			fixes:    []lint.Fix{fix("a", ed(3, 3, "!")), fix("b", ed(2, 5, ""))},
			want:     []lint.Edit{ed(3, 3, "!")},
			accepted: []int{0},
		},
		{
			name:     "different insertions at one offset conflict",
			fixes:    []lint.Fix{fix("a", ed(3, 3, "x")), fix("b", ed(3, 3, "y"))},
			want:     []lint.Edit{ed(3, 3, "x")},
			accepted: []int{0},
		},
		{
			name:     "identical insertions are applied once",
			fixes:    []lint.Fix{fix("a", ed(3, 3, "x")), fix("b", ed(3, 3, "x"))},
			want:     []lint.Edit{ed(3, 3, "x")},
			accepted: []int{0, 1},
		},
		{
			name:     "identical replacements are applied once",
			fixes:    []lint.Fix{fix("a", ed(3, 6, "x"), ed(8, 9, "")), fix("b", ed(0, 1, "Z"), ed(3, 6, "x"))},
			want:     []lint.Edit{ed(0, 1, "Z"), ed(3, 6, "x"), ed(8, 9, "")},
			accepted: []int{0, 1},
		},
		{
			name:     "same range different text conflicts",
			fixes:    []lint.Fix{fix("a", ed(3, 6, "x")), fix("b", ed(3, 6, "y"))},
			want:     []lint.Edit{ed(3, 6, "x")},
			accepted: []int{0},
		},
		{
			name:     "a shared edit does not save a fix that also conflicts",
			fixes:    []lint.Fix{fix("a", ed(3, 6, "x"), ed(7, 8, "")), fix("b", ed(3, 6, "x"), ed(7, 9, ""))},
			want:     []lint.Edit{ed(3, 6, "x"), ed(7, 8, "")},
			accepted: []int{0},
		},
		{
			name:     "invalid fix skipped, later fixes still considered",
			fixes:    []lint.Fix{fix("bad", ed(5, 50, "")), fix("overlapping", ed(1, 3, ""), ed(2, 4, "")), fix("ok", ed(5, 6, "five"))},
			want:     []lint.Edit{ed(5, 6, "five")},
			accepted: []int{2},
		},
		{
			name:     "conflict with a non-adjacent accepted edit",
			fixes:    []lint.Fix{fix("a", ed(1, 2, "")), fix("b", ed(3, 3, "!")), fix("c", ed(5, 6, "")), fix("d", ed(0, 9, ""))},
			want:     []lint.Edit{ed(1, 2, ""), ed(3, 3, "!"), ed(5, 6, "")},
			accepted: []int{0, 1, 2},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, accepted := Merge(src, tt.fixes)
			if !slices.Equal(got, tt.want) {
				t.Errorf("edits = %v, want %v", got, tt.want)
			}
			if !slices.Equal(accepted, tt.accepted) {
				t.Errorf("accepted = %v, want %v", accepted, tt.accepted)
			}
		})
	}
}

func TestApply(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		edits []lint.Edit
		want  string
	}{
		{"no edits", "abc", nil, "abc"},
		{"empty source insert", "", []lint.Edit{ed(0, 0, "hi")}, "hi"},
		{"replace delete insert", "the the cat", []lint.Edit{ed(0, 0, ">"), ed(3, 7, ""), ed(8, 11, "dog")}, ">the dog"},
		{"insert before replacement at same offset", "abc", []lint.Edit{ed(1, 1, "<"), ed(1, 2, "B"), ed(2, 2, ">")}, "a<B>c"},
		{"grow at end", "abc", []lint.Edit{ed(3, 3, "def")}, "abcdef"},
		{"delete everything", "abc", []lint.Edit{ed(0, 3, "")}, ""},
		// Bad input must not panic; the bad edits are skipped.
		{"out of range skipped", "abc", []lint.Edit{ed(1, 2, "B"), ed(2, 9, "X"), ed(-5, -1, "Y")}, "aBc"},
		{"overlap skipped", "abcdef", []lint.Edit{ed(1, 4, "X"), ed(2, 3, "Y"), ed(4, 5, "Z")}, "aXZf"},
		{"reversed skipped", "abc", []lint.Edit{ed(2, 1, "X")}, "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			got := Apply(src, tt.edits)
			if string(got) != tt.want {
				t.Errorf("Apply = %q, want %q", got, tt.want)
			}
			if string(src) != tt.src {
				t.Errorf("Apply modified its input: %q", src)
			}
		})
	}
}

// Apply must not alias src even when nothing changes, because callers keep
// both versions to diff them.
func TestApplyReturnsNewBuffer(t *testing.T) {
	src := []byte("abc")
	out := Apply(src, nil)
	out[0] = 'X'
	if src[0] != 'a' {
		t.Fatal("Apply returned a buffer sharing memory with src")
	}
}

// TestNoChange: noChange says that Apply returns the text's bytes only
// when it does, the edits Apply skips left out; edits that change the
// text and undo each other are left to the comparison after Apply.
func TestNoChange(t *testing.T) {
	src := []byte("The ferry left.")
	for _, tc := range []struct {
		name  string
		edits []lint.Edit
		want  bool
	}{
		{"none", nil, true},
		{"same bytes", []lint.Edit{{Start: 4, End: 9, NewText: "ferry"}}, true},
		{"a change", []lint.Edit{{Start: 4, End: 9, NewText: "boat"}}, false},
		{"a change skipped as out of range", []lint.Edit{{Start: 4, End: 9, NewText: "ferry"}, {Start: 10, End: 99, NewText: "x"}}, true},
		{"a change skipped as overlapping", []lint.Edit{{Start: 4, End: 9, NewText: "ferry"}, {Start: 6, End: 8, NewText: "x"}}, true},
		{"changes that undo each other", []lint.Edit{{Start: 4, End: 6, NewText: "f"}, {Start: 6, End: 6, NewText: "e"}}, false},
	} {
		got := noChange(src, tc.edits)
		if got != tc.want {
			t.Errorf("%s: noChange = %v, want %v", tc.name, got, tc.want)
		}
		if got && !bytes.Equal(Apply(src, tc.edits), src) {
			t.Errorf("%s: noChange, but Apply changes the text to %q", tc.name, Apply(src, tc.edits))
		}
	}
}

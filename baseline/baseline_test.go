package baseline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/filter"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules"
)

func fp(t *testing.T, src, rangeText string, nth int) (string, string) {
	t.Helper()
	off := -1
	for range nth + 1 {
		i := strings.Index(src[off+1:], rangeText)
		if i < 0 {
			t.Fatalf("%q not found %d times in %q", rangeText, nth+1, src)
		}
		off += 1 + i
	}
	return Fingerprint("repeated-word", "news/a.md", []byte(src), off, off+len(rangeText))
}

func TestFingerprintStable(t *testing.T) {
	base := "The ferry to to the island leaves at nine.\n"
	h0, ctx := fp(t, base, "to to", 0)
	if ctx != "The ferry ⟦to to⟧ the island leaves" {
		t.Errorf("context = %q", ctx)
	}
	same := map[string]string{
		"paragraphs inserted above":  "# Timetable\n\nA new paragraph.\n\nAnother one.\n\n" + base,
		"text added after the line":  base + "\nMore news.\n",
		"CRLF line ends":             "Intro.\r\n\r\nThe ferry to to the island leaves at nine.\r\n",
		"spaces and no-break":        "The ferry\u00a0 to to the  island leaves at nine.\n",
		"far end of the line edited": "The ferry to to the island leaves at ten, not nine, from pier four.\n",
	}
	for name, src := range same {
		if h, c := fp(t, src, "to to", 0); h != h0 {
			t.Errorf("%s: fingerprint changed: %q vs %q", name, c, ctx)
		}
	}
	differ := map[string]string{
		"word before changed": "The boat to to the island leaves at nine.\n",
		"word after changed":  "The ferry to to an island leaves at nine.\n",
	}
	for name, src := range differ {
		if h, _ := fp(t, src, "to to", 0); h == h0 {
			t.Errorf("%s: fingerprint unchanged", name)
		}
	}
	if h, _ := Fingerprint("nbsp", "news/a.md", []byte(base), 10, 15); h == h0 {
		t.Error("another rule, same fingerprint")
	}
	if h, _ := Fingerprint("repeated-word", "news/b.md", []byte(base), 10, 15); h == h0 {
		t.Error("another file, same fingerprint")
	}
	// The same words twice on a line are told apart by their neighbours...
	two := "First the the ferry, then the the bus.\n"
	a, _ := fp(t, two, "the the", 0)
	b, _ := fp(t, two, "the the", 1)
	if a == b {
		t.Error("two findings with different neighbours share a fingerprint")
	}
	// ...and identical neighbourhoods collide, which Count accounts for.
	x, _ := fp(t, "the the\n\nthe the\n", "the the", 0)
	y, _ := fp(t, "the the\n\nthe the\n", "the the", 1)
	if x != y {
		t.Error("identical findings have different fingerprints")
	}
}

func TestFingerprintEdges(t *testing.T) {
	// A range on a line without words is placed by the lines around it.
	src := "First paragraph ends here.\n\n\n\nSecond paragraph starts here.\n"
	off := strings.Index(src, "\n\n\n") + 2
	_, ctx := Fingerprint("blank-lines", "a.txt", []byte(src), off, off+1)
	if ctx != "paragraph ends here. … ⟦ ⟧ … Second paragraph starts" {
		t.Errorf("blank line context = %q", ctx)
	}
	// A long range keeps its ends.
	long := strings.Repeat("word ", 50)
	_, ctx = Fingerprint("r", "a.txt", []byte(long), 0, len(long))
	if !strings.Contains(ctx, "…") || len([]rune(ctx)) > rangeRunes+5 {
		t.Errorf("long range context = %q", ctx)
	}
	// Text without spaces keeps a bounded neighbourhood.
	cjk := strings.Repeat("博物馆", 40) + "的的" + strings.Repeat("实验室", 40)
	i := strings.Index(cjk, "的的")
	_, ctx = Fingerprint("r", "a.txt", []byte(cjk), i, i+len("的的"))
	if n := len([]rune(ctx)); n > 2*contextRunes+4 {
		t.Errorf("CJK context has %d runes: %q", n, ctx)
	}
	// Bad offsets and bad UTF-8 do not panic, and the context is valid UTF-8.
	bad := []byte("caf\xe9 au lait\n")
	_, ctx = Fingerprint("encoding", "a.txt", bad, 3, 4)
	if !strings.Contains(ctx, "\uFFFD") {
		t.Errorf("bad byte context = %q", ctx)
	}
	Fingerprint("r", "a.txt", bad, -5, 500)
	Fingerprint("r", "a.txt", bad, 9, 2)
	Fingerprint("r", "a.txt", nil, 0, 0)
}

// lintText lints files given as path → text and returns the engine result;
// with a matcher, as the lint command does with --baseline.
func lintText(t *testing.T, files map[string]string, m *Matcher) *engine.Result {
	t.Helper()
	var inputs []engine.Input
	for p, s := range files {
		inputs = append(inputs, engine.Input{Path: p, Src: []byte(s)})
	}
	return newEngine(m).Lint(inputs)
}

func newEngine(m *Matcher) *engine.Engine {
	eng := &engine.Engine{Registry: rules.Registry(), Config: config.Default(".")}
	if m != nil {
		eng.Filters = append(filter.Default(eng.Registry, eng.Config), m.Step)
	}
	return eng
}

func diags(res *engine.Result) []string {
	var out []string
	for _, d := range res.Diagnostics() {
		out = append(out, d.Path+" "+d.Rule+" "+d.Message)
	}
	return out
}

func TestRecordMarshal(t *testing.T) {
	t.Chdir(t.TempDir())
	res := lintText(t, map[string]string{
		"news/b.md": "The ferry to to the island.\n\nThe ferry to to the island.\n",
		"a.txt":     "Title\n\nDate: 2025-03-14\n\nThe crane arrived on on Monday. \n",
	}, nil)
	b, err := Record(".", res)
	if err != nil {
		t.Fatal(err)
	}
	data, err := b.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 1,
  "entries": [
    {
      "path": "a.txt",
      "rule": "repeated-word",
      "context": "The crane arrived ⟦on on⟧ Monday.",
      "fingerprint": "@",
      "count": 1
    },
    {
      "path": "a.txt",
      "rule": "trailing-whitespace",
      "context": "on on Monday.⟦ ⟧",
      "fingerprint": "@",
      "count": 1
    },
    {
      "path": "news/b.md",
      "rule": "repeated-word",
      "context": "The ferry ⟦to to⟧ the island.",
      "fingerprint": "@",
      "count": 2
    }
  ]
}
`
	got := string(data)
	for _, e := range b.Entries {
		got = strings.Replace(got, e.Fingerprint, "@", 1)
	}
	if got != want {
		t.Errorf("baseline file:\n%s\nwant:\n%s", got, want)
	}
	if b.Problems() != 4 || b.Files() != 2 {
		t.Errorf("problems %d, files %d", b.Problems(), b.Files())
	}
	// Parsing what was written gives the same entries, and writing again
	// gives the same bytes.
	back, err := Parse(data, "b.json")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := back.Marshal()
	if string(again) != string(data) {
		t.Errorf("round trip changed the file:\n%s", again)
	}
}

func TestApply(t *testing.T) {
	t.Chdir(t.TempDir())
	old := map[string]string{
		"a.md":    "# Ferry\n\nThe ferry to to the island leaves at nine.\n\nThe bus is is late.\n",
		"b.md":    "# Bus\n\nThe the bus.\n\nThe the bus.\n",
		"gone.md": "# Gone\n\nA a file that is not linted next time.\n",
	}
	b, err := Record(".", lintText(t, old, nil))
	if err != nil {
		t.Fatal(err)
	}
	if b.Problems() != 5 {
		t.Fatalf("recorded %d problems: %+v", b.Problems(), b.Entries)
	}
	now := map[string]string{
		// Lines moved, one old problem fixed, one new.
		"a.md": "# Ferry\n\nNew intro.\n\nMore text.\n\nThe ferry to to the island leaves at nine.\n\nThe bus is late.\n\nA new new slip.\n",
		// A third identical finding is new.
		"b.md": "# Bus\n\nThe the bus.\n\nThe the bus.\n\nThe the bus.\n",
	}
	m := b.Matcher()
	res := lintText(t, now, m)
	out := m.Outcome()
	got := diags(res)
	want := []string{
		`a.md repeated-word doubled word "new"; remove the second one`,
		`b.md repeated-word doubled word "the"; remove the second one`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("left:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Files[1].Diagnostics) == 1 && res.Files[1].Diagnostics[0].Start < 30 {
		t.Errorf("the new one of three identical findings should be the last: %+v", res.Files[1].Diagnostics[0])
	}
	if out.Hidden != 3 {
		t.Errorf("hidden = %d, want 3", out.Hidden)
	}
	// gone.md was not linted: its entry is not counted as fixed.
	if out.FixedCount() != 1 || out.Fixed[0].Path != "a.md" || !strings.Contains(out.Fixed[0].Context, "⟦is is⟧") {
		t.Errorf("fixed = %+v", out.Fixed)
	}
}

func TestReadWrite(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("sub/news", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("sub/news/a.md", []byte("The the ferry.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := newEngine(nil).Lint([]engine.Input{{Path: "sub/news/a.md"}})
	file := filepath.Join("sub", "baseline.json")
	b, err := Record(filepath.Dir(file), res)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Write(file); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(file); err != nil || st.Mode().Perm() != 0o644 {
		t.Fatalf("stat: %v %v", st, err)
	}
	left, _ := filepath.Glob("sub/.baseline.json.*")
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// Read from another folder: paths stay relative to the file.
	t.Chdir("sub/news")
	back, err := Read("../baseline.json")
	if err != nil {
		t.Fatal(err)
	}
	if back.Entries[0].Path != "news/a.md" {
		t.Errorf("path = %q", back.Entries[0].Path)
	}
	m := back.Matcher()
	res = newEngine(m).Lint([]engine.Input{{Path: "a.md"}})
	if out := m.Outcome(); out.Hidden != 1 || len(res.Diagnostics()) != 0 {
		t.Errorf("outcome %+v, left %v", out, diags(res))
	}

	if _, err := Read("missing.json"); err == nil || !strings.Contains(err.Error(), "--write-baseline missing.json") {
		t.Errorf("missing file error: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := map[string]string{
		`not json`:                                  "not valid JSON",
		`{"entries": []}`:                           `no "version" key`,
		`{"version": 2, "entries": []}`:             "has version 2, and this copydesk reads version 1",
		`{"version": 1, "entries": [], "extra": 1}`: `unknown field "extra"`,
		`{"version": 1, "entries": [{"path": "a.md", "rule": "r", "fingerprint": "f", "count": 0}]}`: "entry 1 needs",
	}
	for in, want := range tests {
		_, err := Parse([]byte(in), "b.json")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "b.json") {
			t.Errorf("Parse(%s) = %v, want an error containing %q", in, err, want)
		}
	}
	if b, err := Parse([]byte(`{"version": 1, "entries": []}`), "b.json"); err != nil || len(b.Entries) != 0 {
		t.Errorf("empty baseline: %v %v", b, err)
	}
}

// TestMatcherStep runs the matcher alone, as the last filter step, on
// findings given by their text.
func TestMatcherStep(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	const twice = "The ferry to to the island.\n\nThe ferry to to the island.\n"
	const once = "The ferry to to the island.\n"
	// find returns the findings of repeated-word on every "to to" in src.
	find := func(path, src string) []lint.Diagnostic {
		var ds []lint.Diagnostic
		for off := 0; ; {
			i := strings.Index(src[off:], "to to")
			if i < 0 {
				return ds
			}
			off += i
			ds = append(ds, lint.Diagnostic{Path: path, Rule: "repeated-word", Start: off, End: off + 5})
			off += 5
		}
	}
	entry := func(path, src string, count int) Entry {
		fp, ctx := Fingerprint("repeated-word", path, []byte(src), 10, 15)
		return Entry{Path: path, Rule: "repeated-word", Context: ctx, Fingerprint: fp, Count: count}
	}
	type file struct {
		path, src string
		failed    bool
	}
	tests := []struct {
		name    string
		entries []Entry
		files   []file
		kept    []string // path:start of each finding kept
		hidden  int
		fixed   []string // path:count of each entry fixed
	}{
		{"no entries", nil, []file{{"a.md", twice, false}}, []string{"a.md:10", "a.md:39"}, 0, nil},
		{"the first of identical findings is the baselined one",
			[]Entry{entry("a.md", twice, 1)}, []file{{"a.md", twice, false}}, []string{"a.md:39"}, 1, nil},
		{"every one recorded",
			[]Entry{entry("a.md", twice, 2)}, []file{{"a.md", twice, false}}, nil, 2, nil},
		{"one of two no longer found",
			[]Entry{entry("a.md", twice, 2)}, []file{{"a.md", once, false}}, nil, 1, []string{"a.md:1"}},
		{"an entry of a file not linted is not fixed",
			[]Entry{entry("a.md", once, 1), entry("gone.md", once, 1)}, []file{{"a.md", once, false}}, nil, 1, nil},
		{"an entry of a file a rule failed on is matched, not fixed",
			[]Entry{entry("a.md", twice, 3)}, []file{{"a.md", twice, true}}, nil, 2, nil},
		{"the path is part of the fingerprint",
			[]Entry{entry("a.md", once, 1)}, []file{{"b.md", once, false}}, []string{"b.md:10"}, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := (&Baseline{Dir: dir, Entries: tt.entries}).Matcher()
			var kept []string
			for _, f := range tt.files {
				ff := &filter.File{Path: f.path, Summary: &document.Summary{Src: []byte(f.src)}, Failed: f.failed}
				for _, d := range m.Step(ff, find(f.path, f.src)) {
					kept = append(kept, fmt.Sprintf("%s:%d", d.Path, d.Start))
				}
			}
			if !slices.Equal(kept, tt.kept) {
				t.Errorf("kept %v, want %v", kept, tt.kept)
			}
			for range 2 { // asking twice gives the same answer
				out := m.Outcome()
				var fixed []string
				for _, e := range out.Fixed {
					fixed = append(fixed, fmt.Sprintf("%s:%d", e.Path, e.Count))
				}
				if out.Hidden != tt.hidden || !slices.Equal(fixed, tt.fixed) {
					t.Errorf("outcome: hidden %d, fixed %v; want %d, %v", out.Hidden, fixed, tt.hidden, tt.fixed)
				}
			}
		})
	}
}

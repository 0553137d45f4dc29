package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// namesArchive writes four small articles that spell one trust two ways.
func namesArchive(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	body := "Riverside Ferry Trust opens a pier\n\nDate: 2025-04-02\n\nThe Riverside Ferry Trust opened a pier. Staff of the Riverside Ferry Trust cut the ribbon.\n"
	for i, text := range []string{body, body, body, strings.Replace(body, "The Riverside Ferry Trust opened", "The Riverside Ferry-Trust opened", 1)} {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestNamesText(t *testing.T) {
	dir := namesArchive(t)
	var out, errb bytes.Buffer
	if code := run([]string{"names", dir}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	got := out.String()
	// 11: seven times in the text and four in the titles, which count for names too
	for _, want := range []string{"Riverside Ferry Trust  (name, 11 times in 4 documents)", "Riverside Ferry-Trust", "1 time: ", "a3.txt:5:"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestNamesJSONAndGlossary(t *testing.T) {
	dir := namesArchive(t)
	gloss := filepath.Join(t.TempDir(), "names.yaml")
	var out, errb bytes.Buffer
	if code := run([]string{"names", "--format", "json", "--write-glossary", gloss, dir}, nil, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Groups []struct {
			Kind     string
			Dominant struct {
				Text  string
				Count int
			}
			Variants []struct {
				Text      string
				Count     int
				Locations []struct {
					Path   string
					Line   int
					Offset int `json:"offset"`
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	if len(rep.Groups) != 1 || rep.Groups[0].Dominant.Text != "Riverside Ferry Trust" || len(rep.Groups[0].Variants) != 1 {
		t.Fatalf("groups = %+v", rep.Groups)
	}
	v := rep.Groups[0].Variants[0]
	if v.Text != "Riverside Ferry-Trust" || v.Count != 1 || len(v.Locations) != 1 || v.Locations[0].Line != 5 {
		t.Errorf("variant = %+v", v)
	}
	data, err := os.ReadFile(gloss)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Names []struct {
			Name     string
			Variants []string
		}
	}
	if err := yaml.Unmarshal(data, &g); err != nil {
		t.Fatalf("glossary is not YAML: %v\n%s", err, data)
	}
	if len(g.Names) != 1 || g.Names[0].Name != "Riverside Ferry Trust" || len(g.Names[0].Variants) != 1 || g.Names[0].Variants[0] != "Riverside Ferry-Trust" {
		t.Errorf("glossary = %+v", g)
	}
}

func TestNamesBadFormat(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"names", "--format", "xml", "."}, nil, &out, &errb); code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(errb.String(), "--format") {
		t.Errorf("stderr = %q", errb.String())
	}
}

// glossaryConfig writes a config whose names-files list a generated
// glossary of n invented institutions and people.
func glossaryConfig(b *testing.B, n int) string {
	dir := b.TempDir()
	syl := []string{"al", "bor", "cen", "dra", "el", "fen", "gar", "hol", "is", "jor", "kel", "lan", "mor", "nes", "or", "pel"}
	kinds := []string{"Museum of Science and Technology", "University", "Public Library", "Botanical Garden", "Water Trust", "Rowing Club", "Institute of Marine Research"}
	var sb strings.Builder
	sb.WriteString("names:\n")
	for i := range n {
		w := strings.ToUpper(syl[i%16][:1]) + syl[i%16][1:] + syl[(i/16)%16] + syl[(i/256)%16]
		if i%3 == 0 {
			fmt.Fprintf(&sb, "  - name: Anna %s\n", w)
		} else {
			fmt.Fprintf(&sb, "  - name: %s %s\n", w, kinds[i%len(kinds)])
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "glossary.yaml"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	cfg := filepath.Join(dir, ".copydesk.yaml")
	if err := os.WriteFile(cfg, []byte("version: 1\nnames-files: [glossary.yaml]\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	return cfg
}

// BenchmarkLintCorpusGlossary is BenchmarkLintCorpus with a glossary of
// 10,000 names in the config: the names issue allows it to be at most 25 %
// slower. (It measures the name rules once they are registered.)
func BenchmarkLintCorpusGlossary(b *testing.B) {
	dir, size := corpusDir(b)
	cfg := glossaryConfig(b, 10000)
	b.SetBytes(size)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		code := run([]string{"lint", "--config", cfg, "--format", "json", dir}, nil, io.Discard, io.Discard)
		if code != exitProblems {
			b.Fatalf("exit %d, want 1 (the corpus has planted defects)", code)
		}
	}
	b.ReportMetric((cpuTime()-start)/float64(b.N), "cpu-s/op")
}

// The command runs the rules under the config: a min-count the archive's
// name does not reach leaves nothing to show, where the defaults find the
// variant; a name-consistency turned off shows nothing either.
func TestNamesUsesConfig(t *testing.T) {
	for _, c := range []struct {
		config string
		want   bool
	}{
		{"version: 1\n", true},
		{"version: 1\nrules:\n  name-consistency:\n    min-count: 50\n", false},
		{"version: 1\nrules:\n  name-consistency:\n    ratio: 20\n", false},
		{"version: 1\nrules:\n  name-consistency: off\n", false},
		{"version: 1\nnames:\n  - distinct: [Riverside Ferry Trust, Riverside Ferry-Trust]\n", false},
	} {
		dir := namesArchive(t)
		cfg := filepath.Join(dir, ".copydesk.yaml")
		if err := os.WriteFile(cfg, []byte(c.config), 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if code := run([]string{"names", "--config", cfg, dir}, nil, &out, &errb); code != exitOK {
			t.Fatalf("%q: exit %d: %s", c.config, code, errb.String())
		}
		if got := strings.Contains(out.String(), "Riverside Ferry-Trust"); got != c.want {
			t.Errorf("config %q: variant shown %v, want %v:\n%s", c.config, got, c.want, out.String())
		}
	}
}

package dateformat_test

import (
	"testing"
	"time"

	"github.com/copydesk/copydesk/config"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/internal/corpusgen"
	"github.com/copydesk/copydesk/lint"

	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/rules/dateformat"
)

// TestHouse: the house format is the archive's most common one.
func TestHouse(t *testing.T) { linttest.RunCorpus(t, "testdata/house", dateformat.Rule) }

// TestConfigured: the format and label options set the house format.
func TestConfigured(t *testing.T) { linttest.RunCorpus(t, "testdata/configured", dateformat.Rule) }

func article(dateLine string) string {
	return "Riverside Conservatory opens a seed vault\n\n" + dateLine + "\n\nThe conservatory welcomed its first visitors.\n"
}

// TestNoHouseStyle: traps where nothing must be reported.
func TestNoHouseStyle(t *testing.T) {
	for name, files := range map[string]map[string]string{
		// "14 March" and "4 March" are one style: a two-digit day shows no padding.
		"padding": {"a.txt": article("Published: 14 March 2025"), "b.txt": article("Published: 4 March 2025"), "c.txt": article("Published: 21 March 2025")},
		// Two styles, two articles each: no majority to follow.
		"tie": {"a.txt": article("Date: 2025-03-14"), "b.txt": article("Date: 2025-03-15"), "c.txt": article("Date: Mar 14, 2025"), "d.txt": article("Date: Mar 15, 2025")},
		// One article is its own house style.
		"alone": {"a.txt": article("Publish Time: March 14th, 2025 09:30")},
		// Chinese labels are compared with Chinese labels only.
		"scripts": {"a.txt": article("Date: 2025-03-14"), "b.txt": article("Date: 2025-03-15"), "c.txt": article("发布时间：2025年3月14日")},
		// Chinese dates are not padded.
		"cjk": {"a.txt": article("发布时间：2025年3月4日"), "b.txt": article("发布时间：2025年11月14日"), "c.txt": article("发布时间：2025年12月24日")},
		// UTC written as Z and an offset written as +08:00 are one RFC 3339 style.
		"rfc3339": {"a.md": "---\ntitle: A\ndate: 2025-03-14T09:30:00Z\n---\n\nText.\n", "b.md": "---\ntitle: B\ndate: 2025-03-14T09:30:00+08:00\n---\n\nText.\n", "c.md": "---\ntitle: C\ndate: 2025-03-15T10:00:00-05:00\n---\n\nText.\n"},
	} {
		for path, ds := range linttest.CorpusFindings(t, files, nil, time.Time{}, dateformat.Rule) {
			for _, d := range ds {
				t.Errorf("%s: %s: unexpected [%s] %s", name, path, d.Rule, d.Message)
			}
		}
	}
}

// TestOneOddDate: in an archive whose dates never show their padding
// (October to December, days from 10), a lone unpadded day is still the odd one.
func TestOneOddDate(t *testing.T) {
	files := map[string]string{
		"a.txt": article("Date: 2025-10-14"), "b.txt": article("Date: 2025-11-21"), "c.txt": article("Date: 2025-12-30"),
		"odd.txt": article("Date: 2025-10-8"),
	}
	got := linttest.CorpusFindings(t, files, nil, time.Time{}, dateformat.Rule)
	for path, ds := range got {
		if path != "odd.txt" && len(ds) > 0 {
			t.Errorf("%s: unexpected %v", path, ds)
		}
	}
	if ds := got["odd.txt"]; len(ds) != 1 || ds[0].Fix == nil || ds[0].Fix.Edits[0].NewText != "Date: 2025-10-08" {
		t.Errorf("odd.txt: %+v, want one finding fixing to Date: 2025-10-08", ds)
	}
}

// BenchmarkCorpus lints 4 MB of generated articles as one archive with
// date-format alone, parsing included; MB/s is over the articles' bytes.
func BenchmarkCorpus(b *testing.B) {
	var inputs []engine.Input
	var size int64
	err := corpusgen.Generate(corpusgen.Options{Bytes: 4 << 20, Seed: 7, MarkdownShare: 0.25}, func(a corpusgen.Article) error {
		inputs = append(inputs, engine.Input{Path: a.Name, Src: a.Body})
		size += int64(len(a.Body))
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	reg, err := lint.NewRegistry(append(lint.Builtin(), dateformat.Rule)...)
	if err != nil {
		b.Fatal(err)
	}
	eng := &engine.Engine{Registry: reg, Config: config.Default(".")}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		eng.Lint(inputs)
	}
}

// Command hostile writes the inputs of issue 15 (hangs, memory, data loss)
// into a folder, so that each case can be timed with /usr/bin/time -v
// before and after a change. The inputs are generated, not stored: the
// largest is 50 MB.
//
//	go run ./internal/cmd/hostile /tmp/hostile
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/copydesk/copydesk/internal/corpusgen"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode/utf32"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: hostile DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, data := range inputs() {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func inputs() map[string][]byte {
	m := map[string][]byte{}
	// A billion-laughs page: nine levels of nine aliases.
	var y strings.Builder
	y.WriteString("---\ntitle: Harbour notes\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		fmt.Fprintf(&y, "%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = string(c)
	}
	y.WriteString("---\nThe council met on Tuesday.\n")
	m["yaml-bomb.md"] = []byte(y.String())
	// The same aliases in a config, read by a rule option.
	cfg := strings.TrimPrefix(strings.TrimSuffix(y.String(), "---\nThe council met on Tuesday.\n"), "---\ntitle: Harbour notes\n")
	m["yaml-bomb.copydesk.yaml"] = []byte(cfg + "rules:\n  space-before-punctuation:\n    allow-before: *i\n")

	// TOML inline tables nested 20,000 deep: 80 KB.
	depth := 20000
	m["toml-nest.md"] = []byte("+++\ntitle = \"Harbour notes\"\nx = " + strings.Repeat("{a=", depth) + "1" + strings.Repeat("}", depth) + "\n+++\nThe council met on Tuesday.\n")

	// Chinese in GB18030.
	zh := strings.Repeat("市议会周二在港口大楼召开会议，讨论新的渡轮时刻表和图书馆的开放时间。委员们同意明年春天延长服务。\n", 40)
	gb, _ := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte("港口新闻\n\n" + zh))
	m["gb18030.txt"] = gb
	u32, _ := utf32.UTF32(utf32.LittleEndian, utf32.UseBOM).NewEncoder().Bytes([]byte("Harbour notes\n\nThe council met on Tuesday.\n"))
	m["utf32.txt"] = u32
	m["cr-only.md"] = []byte("---\rtitle: Harbour notes\rdate: 2025-03-14\r---\r\rThe council met on Tuesday the the ferry.\r")

	// One long line with two findings, at 1, 10 and 50 MB.
	for _, mb := range []int{1, 10, 50} {
		m[fmt.Sprintf("line-%dmb.txt", mb)] = longLine(mb<<20, 2)
	}
	// A 1 MB line with a finding every 2 KB: column numbers per finding.
	m["line-1mb-many.txt"] = longLine(1<<20, 512)
	// A 512 KB Markdown table of one row: header, delimiter and one row
	// of 25,000 cells each.
	var t strings.Builder
	t.WriteString("Harbour notes\n\n")
	cells := 25000
	for _, cell := range []string{"| ferry ", "| --- ", "| pier "} {
		t.WriteString(strings.Repeat(cell, cells))
		t.WriteString("|\n")
	}
	m["table-512k.md"] = []byte(t.String())
	// Ordinary articles of 1, 10 and 50 MB: many paragraphs, headings,
	// links and planted defects, one front matter.
	for _, mb := range []int{1, 10, 50} {
		m[fmt.Sprintf("article-%dmb.md", mb)] = corpusgen.Long(corpusgen.Options{Bytes: int64(mb) << 20, Seed: int64(mb) << 20, MarkdownShare: 1, DefectRate: 2})
		m[fmt.Sprintf("article-%dmb.txt", mb)] = corpusgen.Long(corpusgen.Options{Bytes: int64(mb) << 20, Seed: int64(mb) << 20, DefectRate: 2})
	}
	return m
}

// longLine is size bytes of prose on one line with n "the the" findings
// spread through it.
func longLine(size, n int) []byte {
	const s = "The council met on Tuesday to discuss the ferry timetable. "
	b := make([]byte, 0, size+1)
	b = append(b, "Harbour notes\n\n"...)
	every := size / n
	next := every / 2
	for len(b) < size {
		if len(b) >= next {
			b = append(b, "Members voted for the the plan. "...)
			next += every
			continue
		}
		b = append(b, s...)
	}
	return append(b, '\n')
}

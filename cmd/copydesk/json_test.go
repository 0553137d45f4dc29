package main

import (
	"strings"
	"testing"
	"unicode/utf8"
)

var (
	topKeys     = []string{"tool", "files", "diagnostics", "errors", "summary"}
	toolKeys    = []string{"name", "version"}
	diagKeys    = []string{"path", "line", "column", "end_line", "end_column", "offset", "end_offset", "rule", "category", "severity", "message"}
	fixKeys     = []string{"applicability", "message", "edits"}
	editKeys    = []string{"offset", "end_offset", "new_text"}
	summaryKeys = []string{"problems", "errors", "warnings", "info", "fixable", "unsafe_fixable", "files_with_problems", "files_failed"}
)

// checkContract checks the key sets of a whole report.
func checkContract(t *testing.T, m jsonReport) {
	t.Helper()
	wantKeys(t, "top level", m, topKeys...)
	tool, ok := m["tool"].(map[string]any)
	if !ok {
		t.Fatalf("tool is %T", m["tool"])
	}
	wantKeys(t, "tool", tool, toolKeys...)
	if tool["name"] != "copydesk" || tool["version"] != version {
		t.Errorf("tool = %v, want copydesk %s", tool, version)
	}
	sum, ok := m["summary"].(map[string]any)
	if !ok {
		t.Fatalf("summary is %T", m["summary"])
	}
	wantKeys(t, "summary", sum, summaryKeys...)
	if _, ok := m["errors"].([]any); !ok {
		t.Errorf("errors is %T (%v), want an array", m["errors"], m["errors"])
	}
	intOf(t, m["files"])
	for i, d := range m.diags(t) {
		f, hasFix := d["fix"]
		if hasFix {
			wantKeys(t, "diagnostic with fix", d, append(diagKeys, "fix")...)
			fm, ok := f.(map[string]any)
			if !ok {
				t.Fatalf("diagnostic %d: fix is %T", i, f)
			}
			wantKeys(t, "fix", fm, fixKeys...)
			edits, ok := fm["edits"].([]any)
			if !ok || len(edits) == 0 {
				t.Fatalf("diagnostic %d: edits %v", i, fm["edits"])
			}
			for _, e := range edits {
				em, ok := e.(map[string]any)
				if !ok {
					t.Fatalf("edit is %T", e)
				}
				wantKeys(t, "edit", em, editKeys...)
			}
		} else {
			wantKeys(t, "diagnostic without fix", d, diagKeys...)
		}
		for _, k := range []string{"line", "column", "end_line", "end_column", "offset", "end_offset"} {
			intOf(t, d[k])
		}
		if intOf(t, d["line"]) < 1 || intOf(t, d["column"]) < 1 {
			t.Errorf("diagnostic %d: lines and columns are 1-based: %v", i, d)
		}
	}
}

func TestJSONContract(t *testing.T) {
	workdir(t)
	write(t, "a.md", "<!-- copydesk-disable-next-line nbsp -- nothing to suppress -->\nBoats boats sailed.\n")
	r := cli(t, "", "lint", "--format", "json", "a.md")
	wantCode(t, r, 1)
	m := decode(t, r)
	checkContract(t, m)
	ds := m.diags(t)
	if len(ds) != 2 {
		t.Fatalf("want 2 diagnostics, got %v", m.rulesOf(t))
	}
	// unused-suppression has no fix: the key is omitted, not null.
	if _, ok := ds[0]["fix"]; ok || ds[0]["rule"] != "unused-suppression" {
		t.Errorf("first diagnostic %v: want unused-suppression without fix", ds[0])
	}
	if _, ok := ds[1]["fix"]; !ok || ds[1]["rule"] != "repeated-word" {
		t.Errorf("second diagnostic %v: want repeated-word with a fix", ds[1])
	}
	d := ds[1]
	for k, want := range map[string]any{"path": "a.md", "rule": "repeated-word", "category": "typography", "severity": "warning", "message": `doubled word "boats"; remove the second one`} {
		if d[k] != want {
			t.Errorf("%s = %v, want %v", k, d[k], want)
		}
	}
	fix := d["fix"].(map[string]any)
	if fix["applicability"] != "safe" || fix["message"] != `Remove the second "boats"` {
		t.Errorf("fix = %v", fix)
	}
	sum := m["summary"].(map[string]any)
	for k, want := range map[string]int{"problems": 2, "errors": 0, "warnings": 2, "info": 0, "fixable": 1, "unsafe_fixable": 0, "files_with_problems": 1, "files_failed": 0} {
		if got := intOf(t, sum[k]); got != want {
			t.Errorf("summary.%s = %d, want %d", k, got, want)
		}
	}
	if intOf(t, m["files"]) != 1 {
		t.Errorf("files = %v", m["files"])
	}
	// The JSON is the whole of stdout: nothing else is printed there.
	if !strings.HasPrefix(r.stdout, "{") || !strings.HasSuffix(r.stdout, "}\n") {
		t.Errorf("stdout is not just the JSON document")
	}
}

func TestJSONCleanHasEmptyArrays(t *testing.T) {
	workdir(t)
	write(t, "clean.md", "Calm water in the harbor.\n")
	r := cli(t, "", "lint", "--format", "json", "clean.md")
	wantCode(t, r, 0)
	m := decode(t, r)
	checkContract(t, m)
	if len(m.diags(t)) != 0 {
		t.Errorf("diagnostics: %v", m["diagnostics"])
	}
	mustContain(t, "stdout", r.stdout, `"diagnostics": []`, `"errors": []`)
	mustNotContain(t, "stdout", r.stdout, "null")
	if intOf(t, m["files"]) != 1 {
		t.Errorf("files = %v", m["files"])
	}
}

// TestJSONPositions: columns count code points, end exclusive; offsets are
// bytes and slice the source to exactly the reported text.
func TestJSONPositions(t *testing.T) {
	workdir(t)
	tests := []struct {
		name, file, src string
		rule            string
		line, col, ecol int
		text            string
	}{
		{"ascii", "a.md", "Calm water on on the bay.\n", "repeated-word", 1, 12, 17, "on on"},
		{"curly quotes", "q.md", "“Sea” and ‘sky’ met the the horizon.\n", "repeated-word", 1, 21, 28, "the the"},
		{"CJK", "c.txt", "港口新闻：渡轮 sailed the the strait.\n", "repeated-word", 1, 16, 23, "the the"},
		{"emoji outside the BMP", "e.md", "🌊🌊 waves hit hit the pier.\n", "repeated-word", 1, 10, 17, "hit hit"},
		{"second line", "l.md", "Ünïcödé first line.\n\nÄ ferry sailed sailed.\n", "repeated-word", 3, 9, 22, "sailed sailed"},
		{"byte order mark", "b.md", "\ufeffThe the tide.\n", "repeated-word", 1, 1, 8, "The the"},
		{"CRLF", "r.txt", "Calm.\r\nThe tide rose.  \r\nEnd.\r\n", "trailing-whitespace", 2, 15, 17, "  "},
		{"no-break space", "n.txt", "Über\u00a0alles sailed.\n", "nbsp", 1, 5, 6, "\u00a0"},
		{"no final newline", "f.txt", "Sail sail", "repeated-word", 1, 1, 10, "Sail sail"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write(t, tt.file, tt.src)
			r := cli(t, "", "lint", "--format", "json", tt.file)
			wantCode(t, r, 1)
			m := decode(t, r)
			checkContract(t, m)
			ds := m.byRule(t, tt.rule)
			if len(ds) != 1 {
				t.Fatalf("want one %s, got %v", tt.rule, m.rulesOf(t))
			}
			d := ds[0]
			line, col, eline, ecol := intOf(t, d["line"]), intOf(t, d["column"]), intOf(t, d["end_line"]), intOf(t, d["end_column"])
			if line != tt.line || col != tt.col || eline != tt.line || ecol != tt.ecol {
				t.Errorf("position %d:%d-%d:%d, want %d:%d-%d:%d", line, col, eline, ecol, tt.line, tt.col, tt.line, tt.ecol)
			}
			off, end := intOf(t, d["offset"]), intOf(t, d["end_offset"])
			src := mustRead(t, tt.file)
			if off < 0 || end > len(src) || off > end {
				t.Fatalf("offsets %d..%d out of range for %d bytes", off, end, len(src))
			}
			if got := string(src[off:end]); got != tt.text {
				t.Errorf("src[offset:end_offset] = %q, want %q", got, tt.text)
			}
			// Columns agree with the offsets: the code points on the line
			// before offset, plus one (a BOM does not count).
			lineStart := 0
			for i := 1; i < line; i++ {
				lineStart += strings.IndexByte(string(src[lineStart:]), '\n') + 1
			}
			if line == 1 && strings.HasPrefix(string(src), "\ufeff") {
				lineStart += 3
			}
			if want := utf8.RuneCount(src[lineStart:off]) + 1; col != want {
				t.Errorf("column %d disagrees with offset %d (want %d)", col, off, want)
			}
			if want := col + utf8.RuneCount(src[off:end]); ecol != want {
				t.Errorf("end_column %d, want %d (end exclusive)", ecol, want)
			}
			// The fix's edits also index the source in bytes.
			if fix, ok := d["fix"].(map[string]any); ok {
				for _, e := range fix["edits"].([]any) {
					em := e.(map[string]any)
					eo, ee := intOf(t, em["offset"]), intOf(t, em["end_offset"])
					if eo < off || ee > end || eo > ee {
						t.Errorf("edit %d..%d outside the diagnostic %d..%d", eo, ee, off, end)
					}
				}
			}
		})
	}
}

// TestJSONEditsApply applies a repeated-word fix's edits by hand: the result
// is the corrected sentence, so offsets are bytes in the file as read.
func TestJSONEditsApply(t *testing.T) {
	workdir(t)
	src := "“Über” 渡轮 crossed the the strait.\n"
	write(t, "x.md", src)
	r := cli(t, "", "lint", "--format", "json", "x.md")
	wantCode(t, r, 1)
	ds := decode(t, r).diags(t)
	if len(ds) != 1 {
		t.Fatalf("diagnostics %v", ds)
	}
	out := src
	edits := ds[0]["fix"].(map[string]any)["edits"].([]any)
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i].(map[string]any)
		out = out[:intOf(t, e["offset"])] + str(e["new_text"]) + out[intOf(t, e["end_offset"]):]
	}
	if want := "“Über” 渡轮 crossed the strait.\n"; out != want {
		t.Errorf("applying the edits gives %q, want %q", out, want)
	}
}

func TestJSONErrorsAndFailedFiles(t *testing.T) {
	workdir(t)
	write(t, "good.md", "Gulls gulls cried.\n")
	writeBytes(t, "latin1.txt", []byte("Caf\x00 on the quay.\n"), 0o644) // binary: cannot be linted
	r := cli(t, "", "lint", "--format", "json", ".")
	wantCode(t, r, 2)
	m := decode(t, r)
	checkContract(t, m)
	if got := m.rulesOf(t); len(got) != 1 || got[0] != "good.md:1 repeated-word" {
		t.Errorf("diagnostics %v", got)
	}
	errs := m["errors"].([]any)
	if len(errs) != 1 {
		t.Fatalf("errors %v", errs)
	}
	e := errs[0].(map[string]any)
	wantKeys(t, "error", e, "path", "message")
	if e["path"] != "latin1.txt" || !strings.Contains(str(e["message"]), "binary file") {
		t.Errorf("error entry %v", e)
	}
	if got := intOf(t, m["summary"].(map[string]any)["files_failed"]); got != 1 {
		t.Errorf("files_failed = %d", got)
	}
	if got := intOf(t, m["files"]); got != 2 {
		t.Errorf("files = %d, want 2", got)
	}
}

package lsp

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/copydesk/copydesk/document"
	"github.com/copydesk/copydesk/engine"
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// SuppressReason is the reason a suppression comment is inserted with;
// the author replaces it, and the title of the action says so.
const SuppressReason = "TODO: why this is correct"

// kindWanted applies a code action request's only filter: kinds are
// hierarchical, so "source" asks for "source.fixAll.copydesk" too.
func kindWanted(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if kind == o || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

func (s *Server) codeAction(p *CodeActionParams) ([]CodeAction, error) {
	out := []CodeAction{}
	d, ws, diags, src, ok := s.current(p.TextDocument.URI)
	if !ok {
		return out, nil
	}
	s.mu.Lock()
	enc := s.enc
	s.mu.Unlock()
	l := newLines(src)
	from, to := l.offset(p.Range.Start, enc), l.offset(p.Range.End, enc)
	edit := func(edits []TextEdit) *WorkspaceEdit {
		return &WorkspaceEdit{Changes: map[string][]TextEdit{d.uri: edits}}
	}
	if kindWanted(p.Context.Only, KindQuickFix) {
		var safe, unsafe, suppress []CodeAction
		markdown := document.FormatOf(d.path) == document.FormatMarkdown
		for i := range diags {
			dg := &diags[i]
			if dg.Start > to || dg.End < from {
				continue
			}
			ld := diagnostic(dg, l, enc)
			if dg.Fix != nil && len(dg.Fix.Edits) > 0 {
				edits := make([]TextEdit, len(dg.Fix.Edits))
				for k, e := range dg.Fix.Edits {
					edits[k] = TextEdit{Range: Range{l.position(e.Start, enc), l.position(e.End, enc)}, NewText: e.NewText}
				}
				a := CodeAction{Title: dg.Fix.Message, Kind: KindQuickFix, Diagnostics: []Diagnostic{ld}, Edit: edit(edits)}
				if dg.Fix.Applicability == lint.Safe {
					a.IsPreferred = true
					safe = append(safe, a)
				} else {
					a.Title += " (unsafe: check the result)"
					unsafe = append(unsafe, a)
				}
			}
			if markdown {
				if e, ok := suppression(d.path, src, dg); ok {
					suppress = append(suppress, CodeAction{
						Title: fmt.Sprintf("Suppress %s on this line (then write the reason in the comment)", dg.Rule),
						Kind:  KindQuickFix, Diagnostics: []Diagnostic{ld},
						Edit: edit([]TextEdit{{Range: Range{l.position(e.Start, enc), l.position(e.End, enc)}, NewText: e.NewText}}),
					})
				}
			}
		}
		out = append(out, safe...)
		out = append(out, unsafe...)
		out = append(out, suppress...)
	}
	if kindWanted(p.Context.Only, KindFixAllOur) && anySafe(diags) {
		fixed, _, err := ws.Fix(engine.Input{Path: d.path, Src: src}, diags, false)
		if err != nil {
			return out, fmt.Errorf("fix all: %w", err)
		}
		if !bytes.Equal(fixed, src) {
			out = append(out, CodeAction{Title: "Fix all safe problems in this file", Kind: KindFixAllOur, Edit: edit(textEdits(src, fixed, l, enc))})
		}
	}
	return out, nil
}

func anySafe(ds []lint.Diagnostic) bool {
	for _, d := range ds {
		if d.Fix != nil && d.Fix.Applicability == lint.Safe {
			return true
		}
	}
	return false
}

// textEdits turns a into b with small edits rather than one replacement
// of the whole text, so the editor keeps the cursor, folds and marks.
func textEdits(a, b []byte, l *lines, enc Encoding) []TextEdit {
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffMain(string(a), string(b), false)
	var out []TextEdit
	off := 0
	var cur *TextEdit
	curEnd := 0
	flush := func() {
		if cur != nil {
			cur.Range.End = l.position(curEnd, enc)
			out = append(out, *cur)
			cur = nil
		}
	}
	for _, df := range diffs {
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			off += len(df.Text)
		case diffmatchpatch.DiffDelete:
			if cur == nil {
				cur = &TextEdit{Range: Range{Start: l.position(off, enc)}}
				curEnd = off
			}
			off += len(df.Text)
			curEnd = off
		case diffmatchpatch.DiffInsert:
			if cur == nil {
				cur = &TextEdit{Range: Range{Start: l.position(off, enc)}}
				curEnd = off
			}
			cur.NewText += df.Text
		}
	}
	flush()
	return out
}

// suppression returns the edit that inserts a disable-next-line comment
// for dg's rule. Where the finding's line continues the line above (a
// paragraph or list item going on), the comment goes inline at the end of
// that line, so the block is not split; otherwise on a line of its own
// above, with the line's indentation and quote marks. The edit is offered
// only if the parser then reads it as a directive for that line.
func suppression(path string, src []byte, dg *lint.Diagnostic) (lint.Edit, bool) {
	l := newLines(src)
	n := l.position(dg.Start, UTF8).Line
	comment := fmt.Sprintf("<!-- copydesk-disable-next-line %s -- %s -->", dg.Rule, SuppressReason)
	var e lint.Edit
	prev := ""
	if n > 0 {
		prev = string(src[l.starts[n-1]:l.end(n-1)])
	}
	if strings.TrimSpace(prev) != "" && continues(prev) {
		// Before trailing spaces or a backslash: they are hard breaks.
		at := l.end(n - 1)
		for at > l.starts[n-1] && (src[at-1] == ' ' || src[at-1] == '\t') {
			at--
		}
		if at > l.starts[n-1] && src[at-1] == '\\' {
			at--
		}
		e = lint.Edit{Start: at, End: at, NewText: " " + comment}
	} else {
		line := src[l.starts[n]:l.end(n)]
		k := 0
		for k < len(line) && (line[k] == ' ' || line[k] == '\t' || line[k] == '>') {
			k++
		}
		// The comment's line ends as the file's lines do; an LF in a
		// CR-only file (classic Mac OS) would be read as no break at all
		// by the editor's other tools.
		nl := "\n"
		if bytes.Contains(src, []byte("\r\n")) {
			nl = "\r\n"
		} else if bytes.IndexByte(src, '\r') >= 0 && bytes.IndexByte(src, '\n') < 0 {
			nl = "\r"
		}
		e = lint.Edit{Start: l.starts[n], End: l.starts[n], NewText: string(line[:k]) + comment + nl}
	}
	if e.Start == 0 && (bytes.HasPrefix(src, []byte("---")) || bytes.HasPrefix(src, []byte("+++"))) {
		return lint.Edit{}, false // above front matter, it would no longer be front matter
	}
	out := make([]byte, 0, len(src)+len(e.NewText))
	out = append(out, src[:e.Start]...)
	out = append(out, e.NewText...)
	out = append(out, src[e.End:]...)
	doc, err := parse.Parse(path, out)
	if err != nil {
		return lint.Edit{}, false
	}
	target := doc.Line(dg.Start + len(e.NewText))
	for _, d := range doc.Directives {
		if d.Kind == document.DisableNextLine && len(d.Rules) == 1 && d.Rules[0] == dg.Rule && doc.Line(d.Span.End)+1 == target {
			return e, true
		}
	}
	return lint.Edit{}, false
}

// continues reports whether a non-blank line may carry an inline comment
// at its end without changing what it is: not a heading, a fence, a
// front matter or setext line, a table row or raw HTML.
func continues(line string) bool {
	t := strings.TrimLeft(line, " \t>")
	switch {
	case strings.HasPrefix(t, "#"), strings.HasPrefix(t, "```"), strings.HasPrefix(t, "~~~"),
		strings.HasPrefix(t, "|"), strings.HasPrefix(t, "<"), strings.HasPrefix(t, "{{"), strings.HasPrefix(t, ":::"):
		return false
	}
	trimmed := strings.TrimSpace(t)
	if strings.Trim(trimmed, "-") == "" || strings.Trim(trimmed, "=") == "" || strings.Trim(trimmed, "+") == "" ||
		strings.Trim(trimmed, "*") == "" || strings.Trim(trimmed, "_") == "" {
		return false
	}
	return true
}

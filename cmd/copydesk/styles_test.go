package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gazetteSheet is the invented Harbor Gazette's style sheet.
const gazetteSheet = `wrong,right,note
percent,per cent,Gazette style since 2019
e-mail,email,
utilize,use,plain words
very unique,,unique is absolute
towards,toward,
`

const gazetteArticle = `---
title: Ferry fares rise
---

# Ferry fares rise 4 percent

Utilize the new e-mail address to book. The council called the plan very unique.

Riders walked towards the pier, where fares rose 4 percent.
`

// TestStylesWorkedExample is the README's example end to end: a sheet
// imported into a style, the style turned on, findings, then fixes.
func TestStylesWorkedExample(t *testing.T) {
	workdir(t)
	write(t, "sheet.csv", gazetteSheet)
	r := cli(t, "", "styles", "import", "--name", "Gazette", "--out", "styles", "sheet.csv")
	wantCode(t, r, exitOK)
	mustContain(t, "stdout", r.stdout, filepath.Join("styles", "Gazette", "Replace.yml"), filepath.Join("styles", "Gazette", "Avoid.yml"))
	repl := string(mustRead(t, "styles/Gazette/Replace.yml"))
	mustContain(t, "Replace.yml", repl, "extends: substitution", `"percent": "per cent"  # Gazette style since 2019`, `"e-mail": "email"`, "examples:", "The report said percent twice.")
	mustContain(t, "Avoid.yml", string(mustRead(t, "styles/Gazette/Avoid.yml")), "extends: existence", `"very unique"  # unique is absolute`)

	write(t, ".copydesk.yaml", "styles:\n  path: styles\n  use: [Gazette]\nrules:\n  date-missing: off\n  Gazette.Avoid: error\n")
	write(t, "fares.md", gazetteArticle)
	r = cli(t, "", "lint", "fares.md")
	wantCode(t, r, exitProblems)
	mustContain(t, "lint", r.stdout,
		"fares.md:5:22: warning [Gazette.Replace] Use 'per cent' instead of 'percent'.",
		"fares.md:7:1: warning [Gazette.Replace] Use 'use' instead of 'Utilize'.",
		"[Gazette.Replace] Use 'email' instead of 'e-mail'.",
		"fares.md:7:69: error [Gazette.Avoid] Avoid 'very unique'.",
		"[Gazette.Replace] Use 'toward' instead of 'towards'.")

	r = cli(t, "", "fix", "--unsafe", "fares.md")
	wantCode(t, r, exitProblems) // "very unique" needs a person
	got := string(mustRead(t, "fares.md"))
	want := strings.NewReplacer("4 percent", "4 per cent", "Utilize", "Use", "e-mail", "email", "towards", "toward").Replace(gazetteArticle)
	if got != want {
		t.Errorf("fixed article:\n%s\nwant:\n%s", got, want)
	}

	r = cli(t, "", "rules")
	mustContain(t, "rules", r.stdout, "Gazette.Avoid", "Gazette.Replace", "style")
	r = cli(t, "", "rules", "--verbose")
	mustContain(t, "rules --verbose", r.stdout, "input:house-style-matches")
	r = cli(t, "", "explain", "Gazette.Replace")
	wantCode(t, r, exitOK)
	mustContain(t, "explain", r.stdout, "Gazette.Replace (style, warning by default)", filepath.Join("styles", "Gazette", "Replace.yml"), "The report said percent twice.", "keeping a capital")
	r = cli(t, "", "explain", "Gazette.Replac")
	wantCode(t, r, exitError)
	mustContain(t, "stderr", r.stderr, `did you mean "Gazette.Replace"?`)
}

func TestStylesConfig(t *testing.T) {
	workdir(t)
	write(t, "styles/House/Avoid.yml", "extends: existence\nmessage: \"Avoid '%s'.\"\ntokens: [utilize]\n")
	write(t, "styles/Extra/Ferry.yml", "extends: existence\nmessage: \"Ferry: '%s'.\"\nlevel: error\ntokens: [ferry]\n")
	write(t, "news/a.md", "We utilize the ferry.\n")
	write(t, "archive/b.md", "We utilize the ferry.\n")
	write(t, ".copydesk.yaml", `styles:
  path: styles
  use: [House]
rules:
  date-missing: off
overrides:
  - paths: ["archive/**"]
    styles: {drop: [House], add: [Extra]}
`)
	r := cli(t, "", "lint", "--format", "json", ".")
	var got []string
	for _, d := range decode(t, r).diags(t) {
		got = append(got, str(d["path"])+" "+str(d["rule"]))
	}
	if strings.Join(got, ", ") != "archive/b.md Extra.Ferry, news/a.md House.Avoid" {
		t.Errorf("found %q, want House.Avoid in news/ only and Extra.Ferry in archive/ only\n%s", got, r)
	}

	// Severities as for any rule.
	write(t, ".copydesk.yaml", "styles: {path: styles, use: [House]}\nrules:\n  date-missing: off\n  House.Avoid: off\n")
	r = cli(t, "", "lint", "news/a.md")
	wantCode(t, r, exitOK)

	// Config errors exit 2 with the file and line.
	for _, c := range []struct{ config, want string }{
		{"styles: {path: styles, use: [House]}\nrules:\n  House.Avoi: off\n", `.copydesk.yaml:3: rules: unknown rule "House.Avoi"; did you mean "House.Avoid"?`},
		{"styles: {path: nowhere, use: [House]}\n", ".copydesk.yaml:1: styles: styles.path: the styles folder"},
		{"styles: {path: styles, use: [Houze]}\n", `no style "Houze"`},
		{"styles: {path: styles, usee: [House]}\n", `styles: unknown key "usee"`},
	} {
		write(t, ".copydesk.yaml", c.config)
		r = cli(t, "", "lint", "news/a.md")
		wantCode(t, r, exitError)
		mustContain(t, "stderr", r.stderr, c.want)
	}
	write(t, ".copydesk.yaml", "styles: {path: styles, use: [House]}\n")
	write(t, "styles/House/Bad.yml", "extends: existence\nmessage: x\ntokens:\n  - '(open'\n")
	r = cli(t, "", "lint", "news/a.md")
	wantCode(t, r, exitError)
	mustContain(t, "stderr", r.stderr, filepath.Join("styles", "House", "Bad.yml")+":4: neither Go's regexp nor regexp2 compiles")
	os.Remove("styles/House/Bad.yml")

	write(t, "styles/House/Spelling.yml", "extends: spelling\nmessage: x\n")
	r = cli(t, "", "lint", "news/a.md")
	mustContain(t, "stderr", r.stderr, "Spelling.yml: skipped: copydesk does not run spelling rules")
}

func TestStylesTry(t *testing.T) {
	workdir(t)
	write(t, "styles/House/PerCent.yml", "extends: substitution\nmessage: \"Use '%s' instead of '%s'.\"\nswap: {percent: per cent}\n")
	write(t, ".copydesk.yaml", "styles: {path: styles, use: []}\n")
	write(t, "news/a.md", "Fares rose 5 percent and then 2 percent.\n")
	write(t, "news/b.md", "Nothing to see here at all.\n")
	r := cli(t, "", "styles", "try", "House.PerCent", "news")
	wantCode(t, r, exitOK)
	mustContain(t, "try", r.stdout, "House.PerCent: 2 hits in 1 article of 2 articles (14 words), 1428.6 per 10,000 words",
		"news/a.md:1:14: Fares rose 5 »percent« and then 2 percent.")
	r = cli(t, "", "styles", "try", "House.Nope", "news")
	wantCode(t, r, exitError)
}

func TestStylesFromVale(t *testing.T) {
	workdir(t)
	write(t, ".vale.ini", `StylesPath = .github/styles
MinAlertLevel = suggestion
Vocab = Base

[*.{md,txt}]
BasedOnStyles = Vale, Microsoft, write-good
Microsoft.Contractions = NO
write-good.Passive = error

[docs/legal/*.md]
BasedOnStyles = alex
Microsoft.Passive = suggestion
`)
	r := cli(t, "", "styles", "from-vale", ".vale.ini")
	wantCode(t, r, exitOK)
	want := `# From .vale.ini by copydesk styles from-vale.
# MinAlertLevel = suggestion (no equivalent; not carried over)
# [*.{md,txt}] BasedOnStyles: Vale keeps Vale.Terms and Vale.Avoid from the vocabulary; Vale's spelling and repetition checks have no equivalent (copydesk's own rules cover repeated words)
styles:
  path: ".github/styles"
  use: [Vale, Microsoft, write-good]
  vocab: [Base]
rules:
  Microsoft.Contractions: off
  write-good.Passive: error
overrides:
  - paths: ["docs/legal/*.md"]
    styles: {add: [alex]}
    rules:
      Microsoft.Passive: info
`
	if r.stdout != want {
		t.Errorf("got:\n%s\nwant:\n%s", r.stdout, want)
	}
}

// TestStylesFromValeNoVocab: without a vocabulary the style Vale has
// nothing copydesk runs, and is left out.
func TestStylesFromValeNoVocab(t *testing.T) {
	workdir(t)
	write(t, ".vale.ini", "StylesPath = styles\n\n[*.md]\nBasedOnStyles = Vale, House\n")
	r := cli(t, "", "styles", "from-vale", ".vale.ini")
	wantCode(t, r, exitOK)
	mustContain(t, "stdout", r.stdout, "  use: [House]\n", "BasedOnStyles: Vale, Vale's built-in spelling")
	if strings.Contains(r.stdout, "vocab:") {
		t.Errorf("a vocab line without a Vocab:\n%s", r.stdout)
	}
}

// TestStylesVocab: a vocabulary through the binary. Its accepted terms
// are exceptions to a house rule; with the built-in style Vale in use,
// Vale.Terms fixes their spelling and Vale.Avoid flags the rejected ones.
func TestStylesVocab(t *testing.T) {
	workdir(t)
	write(t, "styles/config/vocabularies/Harbor/accept.txt", "# the Harbor Authority's names\nTidewater\nMarlow Quay\n")
	write(t, "styles/config/vocabularies/Harbor/reject.txt", "water taxi\n")
	write(t, "styles/House/Capitals.yml", "extends: existence\nmessage: \"Write '%s' in lower case.\"\ntokens: ['[A-Z][a-z]+water']\n")
	write(t, ".copydesk.yaml", "styles:\n  path: styles\n  use: [House, Vale]\n  vocab: [Harbor]\nrules:\n  date-missing: off\n")
	write(t, "quay.md", "---\ntitle: Quay\n---\n\nThe tidewater ferry and the Saltwater bus meet at Marlow Quay, not by water taxi.\n")
	r := cli(t, "", "lint", "quay.md")
	wantCode(t, r, exitProblems)
	mustContain(t, "lint", r.stdout,
		"quay.md:5:5: error [Vale.Terms] Use 'Tidewater' instead of 'tidewater'.",
		"quay.md:5:29: warning [House.Capitals] Write 'Saltwater' in lower case.",
		"quay.md:5:71: error [Vale.Avoid] Avoid using 'water taxi'.")
	if strings.Count(r.stdout, "[House.Capitals]") != 1 {
		t.Errorf("House.Capitals flagged an accepted term:\n%s", r.stdout)
	}
	r = cli(t, "", "fix", "--unsafe", "quay.md")
	wantCode(t, r, exitProblems) // the water taxi needs a person
	mustContain(t, "fixed", string(mustRead(t, "quay.md")), "The Tidewater ferry")

	write(t, ".copydesk.yaml", "styles:\n  path: styles\n  use: [House]\n  vocab: [Harbour]\n")
	r = cli(t, "", "lint", "quay.md")
	wantCode(t, r, exitError)
	mustContain(t, "stderr", r.stderr, `no vocabulary "Harbour"`, `did you mean "Harbor"?`)
}

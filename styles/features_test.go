package styles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/parse"
)

// TestCapitalization: Vale's title case in its two styles, sentence case,
// and the fields that tune them, on invented headings. threshold: 1 makes
// a single word out of case flag the heading.
func TestCapitalization(t *testing.T) {
	title := func(style string) string {
		return "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\nthreshold: 1\nstyle: " + style + "\n"
	}
	sentence := "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $sentence\nthreshold: 1\nindicators: [':']\n"
	tests := []ruleCase{
		// AP lowers only the short words; Chicago every preposition.
		{"AP capitalises long prepositions", title("AP"),
			"# Walking Through the Park Before Dawn\n\n# Walking through the Park before Dawn\n", "Walking through the Park before Dawn"},
		{"Chicago lowers every preposition", title("Chicago"),
			"# Walking Through the Park Before Dawn\n\n# Walking through the Park before Dawn\n", "Walking Through the Park Before Dawn"},
		{"AP is the default style", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\nthreshold: 1\n",
			"# Sailing With the Harbor Pilots\n\n# Sailing with the Harbor Pilots\n", "Sailing with the Harbor Pilots"},
		{"AP takes to either way", title("AP"),
			"# How to Buy a Ticket\n\n# How To Buy a Ticket\n", ""},
		{"Chicago lowers to", title("Chicago"),
			"# How to Buy a Ticket\n\n# How To Buy a Ticket\n", "How To Buy a Ticket"},
		{"first and last words capitalised", title("Chicago"),
			"# Of Tides and Moons\n\n# The Storm the Pilots Came Through\n\n# of Tides and Moons\n", "of Tides and Moons"},
		{"after a colon a small word is capitalised", title("AP"),
			"# Timetables: A Guide for Riders\n\n# Timetables: a Guide for Riders\n", "Timetables: a Guide for Riders"},
		{"a small word after a quotation mark is capitalised", title("AP"),
			"# \u201cThe Ferry\u201d \u2014 \u201cOf\u201d the \u2026 Year\u2019s End\n\n# \u201cThe Ferry\u201d \u2014 \u201cof\u201d the Year\u2019s End\n",
			"\u201cThe Ferry\u201d \u2014 \u201cof\u201d the Year\u2019s End"},
		{"all capitals pass in a title", title("AP"),
			"# The HCTA Guide to Ferries\n", ""},
		{"title exceptions keep their spelling", title("AP") + "exceptions: [iFerry]\n",
			"# Buying an iFerry Pass\n\n# Buying an IFerry Pass\n", "Buying an IFerry Pass"},
		{"threshold lets one word pass", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $title\n",
			"# Walking through the Park at Dawn\n\n# walking through the park at dawn\n", "walking through the park at dawn"},
		{"sentence case", sentence,
			"# Buy a ticket on the ferry\n\n# Buy A Ticket On The Ferry\n", "Buy A Ticket On The Ferry"},
		{"sentence first word must be capitalised", sentence,
			"# buy a ticket\n", "buy a ticket"},
		{"sentence indicator", sentence,
			"# Routes: North and south\n\n# Routes: north and south\n", "Routes: north and south"},
		{"code is a word that passes", sentence,
			"# `ferryctl` options\n\n# `ferryctl` Options\n\n# Run `ferryctl` Now\n", "Options|Run `ferryctl` Now"},
		{"sentence list number", sentence,
			"# 2. Buy a ticket\n", ""},
		{"sentence exceptions", sentence + "exceptions: [Harbor City, Marlow]\n",
			"# Ride the Harbor City ferry to Marlow\n\n# Ride the Harbor city ferry\n", "Ride the Harbor city ferry"},
		{"sentence prefix", sentence + "prefix: '^Step \\d+ '\n",
			"# Step 4 Buy a ticket\n\n# Step 4 buy a ticket\n", "Step 4 buy a ticket"},
		{"lower", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $lower\n",
			"# ferry news\n\n# Ferry news\n", "Ferry news"},
		{"upper with exceptions", "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $upper\nexceptions: [Marlow]\n",
			"# FERRY NEWS\n\n# Ferry news\n\n# Marlow\n", "Ferry news"},
		{"title fix", title("AP") + "action: {name: replace}\n",
			"# Walking through the Park\n", "Walking through the Park→Walking Through the Park (unsafe)"},
		{"sentence fix", sentence + "action: {name: replace}\nfix: safe\n",
			"# Buy A Ticket\n", "Buy A Ticket→Buy a ticket"},
	}
	runCases(t, tests)
}

// TestActions: each of Vale's actions as a fix, on invented text.
func TestActions(t *testing.T) {
	ex := func(action, tokens string) string {
		return "extends: existence\nmessage: '%s'\nnonword: true\naction: " + action + "\ntokens: " + tokens + "\n"
	}
	tests := []ruleCase{
		{"edit regex", ex("{name: edit, params: [regex, '-', ' ']}", `['\b[^\s-]+ly-\w+\b']`),
			"A newly-built pier.\n", "newly-built→newly built (unsafe)"},
		{"edit regex with a group", ex(`{name: edit, params: [regex, '(\d+)-(\d+)', '$1 to $2']}`, `['\d+-\d+']`),
			"Open 9-17 daily.\n", "9-17→9 to 17 (unsafe)"},
		{"edit trim_right", ex("{name: edit, params: [trim_right, '.?!']}", `['[a-z][.?!]+$']`) + "scope: heading\n",
			"# Fares rise!!\n", "e!!→e (unsafe)"},
		{"edit trim_left", ex("{name: edit, params: [trim_left, '#']}", `['#\w+']`),
			"Tag #harbor here.\n", "#harbor→harbor (unsafe)"},
		{"edit trim is a set of characters", ex("{name: edit, params: [trim, ly]}", "[Firstly, secondly]"),
			"Firstly, we sail; secondly, we dock.\n", "Firstly→First (unsafe)|secondly→second (unsafe)"},
		{"edit truncate", "extends: repetition\nmessage: '%s'\nignorecase: true\nalpha: true\naction: {name: edit, params: [truncate, ' ']}\ntokens: ['[^\\s]+']\n",
			"The the boat left.\n", "The the→The (unsafe)"},
		{"edit split", ex("{name: edit, params: [split, ' ', '0']}", "[ATM machine, PIN number]"),
			"Use the ATM machine and your PIN number.\n", "ATM machine→ATM (unsafe)|PIN number→PIN (unsafe)"},
		{"edit split past the parts has no fix", ex("{name: edit, params: [split, ' ', '3']}", "[ATM machine]"),
			"Use the ATM machine.\n", "ATM machine"},
		{"replace one choice", ex("{name: replace, params: [pier]}", "[jetty]") + "ignorecase: true\n",
			"The jetty. Jetty rules.\n", "jetty→pier (unsafe)|Jetty→Pier (unsafe)"},
		{"replace several choices has no fix", ex("{name: replace, params: [pier, dock]}", "[jetty]"),
			"The jetty.\n", "jetty"},
		{"remove takes a space", ex("{name: remove}", "[very]"),
			"A very calm sea.\n", "very→ (unsafe)"},
		{"convert simple", ex("{name: convert, params: [simple]}", `['auto-\w+']`) + "ignorecase: true\n",
			"Use auto-docking here. Auto-docking, autoDock.\n", "auto-docking→auto docking (unsafe)|Auto-docking→Auto docking (unsafe)"},
		{"suggest has no fix", ex("{name: suggest, params: [spellings]}", "[jetty]"),
			"The jetty.\n", "jetty"},
		{"fix none", ex("{name: remove}", "[very]") + "fix: none\n",
			"A very calm sea.\n", "very"},
		{"fix safe", ex("{name: edit, params: [regex, '-', ' ']}", `['\b[^\s-]+ly-\w+\b']`) + "fix: safe\n",
			"A newly-built pier.\n", "newly-built→newly built"},
		{"substitution with an edit action", "extends: substitution\nmessage: '%s'\naction: {name: edit, params: [split, '/', '0']}\nswap: {'pier/jetty': pier}\n",
			"The pier/jetty.\n", "pier/jetty→pier (unsafe)"},
		{"conditional with remove", "extends: conditional\nmessage: '%s'\nfirst: '\\bFYI\\b'\nsecond: 'For your information'\naction: {name: remove}\n",
			"Note FYI here.\n", "FYI→ (unsafe)"},
	}
	runCases(t, tests)
}

// TestSentenceScope: scope sentence runs every rule type sentence by
// sentence.
func TestSentenceScope(t *testing.T) {
	tests := []ruleCase{
		{"existence across sentences", "extends: existence\nmessage: '%s'\nnonword: true\nscope: sentence\ntokens: ['boat\\. The']\n",
			"We took the boat. The sea was calm.\n", ""},
		{"existence across sentences, paragraph scope", "extends: existence\nmessage: '%s'\nnonword: true\nscope: paragraph\ntokens: ['boat\\. The']\n",
			"We took the boat. The sea was calm.\n", "boat. The"},
		{"existence anchored at the sentence", "extends: existence\nmessage: '%s'\nscope: sentence\ntokens: ['^But']\n",
			"We sailed. But the sea rose.\n", "But"},
		{"existence anchored at the line", "extends: existence\nmessage: '%s'\nscope: paragraph\ntokens: ['^But']\n",
			"We sailed. But the sea rose.\n", ""},
		{"substitution", "extends: substitution\nmessage: '%s'\nscope: sentence\nnonword: true\nswap: {'^And': 'Also,'}\n",
			"We docked. And we ate.\n", "And→Also, (unsafe)"},
		{"conditional", "extends: conditional\nmessage: '%s'\nscope: sentence\nfirst: '\\bferry\\b'\nsecond: '\\btimetable\\b'\n",
			"The ferry left. See the timetable.\n\nThe ferry timetable changed.\n", "ferry"},
		{"capitalization", "extends: capitalization\nmessage: '%s'\nscope: sentence\nmatch: $upper\n",
			"FERRY LEFT. The pier emptied.\n", "The pier emptied."},
		{"consistency", "extends: consistency\nmessage: '%s'\nscope: sentence\neither: {colour: color}\n",
			"The colour of the boat. Its color faded.\n", "color"},
		{"occurrence", "extends: occurrence\nmessage: '%d'\nscope: sentence\nmax: 3\ntoken: '\\b\\w+\\b'\n",
			"One two three. One two three four.\n", "One"},
	}
	runCases(t, tests)
}

// writeFiles writes files under dir, paths to contents.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestVocab: a Vale vocabulary's accepted terms are exceptions to the
// rules that take them, Vale.Terms wants them spelled as accepted, and
// Vale.Avoid flags the rejected ones.
func TestVocab(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"config/vocabularies/Harbor/accept.txt": "# Harbor City's own words\nTidewater\nMarlow Quay\n(?i)ferrylink\nNode.js\n\n",
		"config/vocabularies/Harbor/reject.txt": "water taxi\n",
		"Test/Caps.yml":                         "extends: existence\nmessage: '%s'\nnonword: false\ntokens: ['[A-Z][a-z]+water', quay]\n",
		"Test/NoVocab.yml":                      "extends: existence\nmessage: '%s'\nvocab: false\ntokens: ['[A-Z][a-z]+water']\n",
		"Test/Nonword.yml":                      "extends: existence\nmessage: '%s'\nnonword: true\ntokens: ['[A-Z][a-z]+water']\n",
		"Test/Heads.yml":                        "extends: capitalization\nmessage: '%s'\nscope: heading\nmatch: $sentence\nthreshold: 1\n",
	})
	set, err := LoadWith(dir, []string{"Test", "Vale"}, Options{Vocab: []string{"Harbor"}})
	if err != nil {
		t.Fatal(err)
	}
	text := "# Ride the Tidewater line\n\nTidewater ferries dock at Marlow quay, not a water taxi. Saltwater and tidewater and Ferrylink and NodeXjs.\n"
	tests := []struct{ id, want string }{
		{"Test.Caps", "Saltwater"},                        // Tidewater accepted; quay inside the accepted phrase
		{"Test.NoVocab", "Tidewater|Tidewater|Saltwater"}, // vocab: false
		{"Test.Nonword", "Tidewater|Tidewater|Saltwater"}, // a nonword existence rule takes no vocabulary
		{"Test.Heads", ""},                                // Tidewater keeps its capital in sentence case
		{"Vale.Terms", "Marlow quay→Marlow Quay (unsafe)|tidewater→Tidewater (unsafe)"},
		{"Vale.Avoid", "water taxi"},
	}
	for _, tt := range tests {
		if got := strings.Join(runRule(t, set, tt.id, text), "|"); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.id, got, tt.want)
		}
	}

	// Without the built-in style, only the exceptions apply.
	set, err = LoadWith(dir, []string{"Test"}, Options{Vocab: []string{"Harbor"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range set.Rules() {
		if strings.HasPrefix(r.ID, "Vale.") {
			t.Errorf("%s without the style Vale in use", r.ID)
		}
	}

	// A missing vocabulary and a bad term are config errors.
	if _, err := LoadWith(dir, []string{"Test"}, Options{Vocab: []string{"Harbour"}}); err == nil || !strings.Contains(err.Error(), `no vocabulary "Harbour"`) || !strings.Contains(err.Error(), `did you mean "Harbor"`) {
		t.Errorf("missing vocabulary: %v", err)
	}
	writeFiles(t, dir, map[string]string{"config/vocabularies/Bad/accept.txt": "fine\n(unclosed\n"})
	if _, err := LoadWith(dir, []string{"Test"}, Options{Vocab: []string{"Bad"}}); err == nil || !strings.Contains(err.Error(), "accept.txt:2: term \"(unclosed\"") {
		t.Errorf("bad term: %v", err)
	}
}

// TestRemoveSpan: a removal takes one space with it, so that no double
// space is left.
func TestRemoveSpan(t *testing.T) {
	set, err := compileOne(t, "extends: existence\nmessage: '%s'\naction: {name: remove}\ntokens: [very]\n")
	if err != nil {
		t.Fatal(err)
	}
	text := "A very calm sea, very.\n"
	doc, err := parse.Parse("test.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range lint.Check(set.Rules()[0], doc, lint.Options{}) {
		e := d.Fix.Edits[0]
		got = append(got, text[:e.Start]+e.NewText+text[e.End:])
	}
	want := []string{"A calm sea, very.\n", "A very calm sea, .\n"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

// ruleCase is one rule (Test.Rule) run on one text, and its findings as
// runRule gives them, joined by "|".
type ruleCase struct {
	name, yml, text, want string
}

func runCases(t *testing.T, tests []ruleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := compileOne(t, tt.yml)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(runRule(t, set, "Test.Rule", tt.text), "|"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

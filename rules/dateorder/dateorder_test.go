package dateorder_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/lint/linttest"
	"github.com/copydesk/copydesk/parse"
	"github.com/copydesk/copydesk/rules/dateorder"
)

func TestRule(t *testing.T) { linttest.RunCorpus(t, "testdata", dateorder.Rule) }

func TestDocExamples(t *testing.T) { linttest.DocExamples(t, dateorder.Rule, nil, false) }

func BenchmarkRule(b *testing.B) { linttest.Bench(b, dateorder.Rule) }

// TestFindings pins each finding's text and message on the readings the
// rule must get right: date forms, the year a date takes, sentence bounds,
// tenses, deadlines and ranges. A body is a paragraph of a plain-text
// article dated 2025-03-10, or a whole Markdown article.
func TestFindings(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // "text: message"
	}{
		{"month first, year", "On March 12, 2025 the museum opened its new gallery.", []string{
			"March 12, 2025: the body reports \"March 12, 2025\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"month first, no year", "On March 12 the museum opened its new gallery.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"abbreviation with full stop", "On Mar. 12 the museum opened. Dr. Lee spoke.", []string{
			"Mar. 12: the body reports \"Mar. 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"abbreviation, no full stop", "The gallery opened on Mar 12 to great applause.", []string{}},
		{"Sept and upper case", "The board met on Sept 14, 2025. The team met on SEPT 15.", []string{
			"Sept 14, 2025: the body reports \"Sept 14, 2025\" in the past tense, 6 months after the publication date 2025-03-10; check the dates",
			"SEPT 15: the body reports \"SEPT 15\" in the past tense, 6 months after the publication date 2025-03-10; check the dates",
		}},
		{"lower-case month is no month", "The board met on march 12, 2025.", []string{}},
		{"day first", "The signing ceremony took place on 14 March 2025 in the west hall.", []string{
			"14 March 2025: the body reports \"14 March 2025\" in the past tense, 4 days after the publication date 2025-03-10; check the dates",
		}},
		{"ordinal of month", "It was held on the 12th of March, with 300 guests.", []string{
			"12th of March: the body reports \"12th of March\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"ordinal suffixes", "The 1st March and the 2nd April and the 23rd May were busy: visitors came on 21st June 2025.", []string{
			"23rd May: the body reports \"23rd May\" in the past tense; read in 2025 it is 2 months after the publication date 2025-03-10, so the year is ambiguous: add the year or check the dates",
			"21st June 2025: the body reports \"21st June 2025\" in the past tense, 3 months after the publication date 2025-03-10; check the dates",
		}},
		{"ISO date", "The exhibition opened 2025-03-14 after a long delay.", []string{
			"2025-03-14: the body reports \"2025-03-14\" in the past tense, 4 days after the publication date 2025-03-10; check the dates",
		}},
		{"ISO date glued to a name", "The nightly-2025-03-14 build was released to testers.", []string{}},
		{"ISO date with bad month", "The exhibition opened 2025-13-14 and 2025-03-40 after a delay.", []string{}},
		{"context year", "By August of 2024 the plan was ready. On March 12, we opened the gallery.", []string{}},
		{"context year later", "In 2026 the committee met. On March 12 they signed the agreement.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 12 months after the publication date 2025-03-10; check the dates",
		}},
		{"not a year", "Item 9999 and 1,00 were sold; on June 12 the shop closed.", []string{
			"June 12: the body reports \"June 12\" in the past tense; read in 2025 it is 3 months after the publication date 2025-03-10, so the year is ambiguous: add the year or check the dates",
		}},
		{"many four-digit numbers", "In 2026 rooms 1001 1002 1003 1004 1005 1006 1007 1008 1009 1010 1011 1012 and 3000 were opened on March 12.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 12 months after the publication date 2025-03-10; check the dates",
		}},
		{"the year a date carries is context", "On March 11, 2026 it was quiet. On March 12 the museum opened.", []string{
			"March 11, 2026: the body reports \"March 11, 2026\" in the past tense, 12 months after the publication date 2025-03-10; check the dates",
			"March 12: the body reports \"March 12\" in the past tense, 12 months after the publication date 2025-03-10; check the dates",
		}},
		{"February 29", "The ceremony was held on February 29, 2028.", []string{}},
		{"future words", "The gallery will open on March 12. The opening was scheduled for April 2.", []string{}},
		{"deadline", "Applications were accepted until March 20. Entries were due by the end of March 21.", []string{}},
		{"deadline further away", "Entries were accepted from the public and local schools on March 22.", []string{
			"March 22: the body reports \"March 22\" in the past tense, 12 days after the publication date 2025-03-10; check the dates",
		}},
		{"range", "The festival was held March 12 to 14. It ran on March 15 - 16 and March 17 and 18.", []string{}},
		{"infinitive", "The museum was set to open on March 12. It was to be released on April 3.", []string{}},
		{"nearest verb", "The gallery, which is open daily, on March 12 opened a new wing.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"tie before and after", "The museum opened March 12 is the date.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"present tense", "The museum opens on March 12.", []string{}},
		{"capitalised verb is a label", "[CLOSED] March 12 the gallery.", []string{}},
		{"sentence marks", "The museum is open; on March 12 it opened a wing! It was closed on March 13? Yes: on March 14 it reopened.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
			"March 13: the body reports \"March 13\" in the past tense, 3 days after the publication date 2025-03-10; check the dates",
			"March 14: the body reports \"March 14\" in the past tense, 4 days after the publication date 2025-03-10; check the dates",
		}},
		{"year before is nearer", "On December 28 the museum closed its doors.", []string{}},
		{"ambiguous year", "On July 12 the museum opened its new gallery.", []string{
			"July 12: the body reports \"July 12\" in the past tense; read in 2025 it is 4 months after the publication date 2025-03-10, so the year is ambiguous: add the year or check the dates",
		}},
		{"one day", "The gallery opened on March 11, 2025.", []string{
			"March 11, 2025: the body reports \"March 11, 2025\" in the past tense, 1 day after the publication date 2025-03-10; check the dates",
		}},
		{"months away", "The gallery opened on March 11, 2026.", []string{
			"March 11, 2026: the body reports \"March 11, 2026\" in the past tense, 12 months after the publication date 2025-03-10; check the dates",
		}},
		{"year later", "The gallery opened on March 9, 2026.", []string{
			"March 9, 2026: the body reports \"March 9, 2026\" in the past tense, 12 months after the publication date 2025-03-10; check the dates",
		}},
		{"two dates", "On March 12 and March 13, 2025 the museum opened. On March 14 March 15 they met.", []string{
			"March 13, 2025: the body reports \"March 13, 2025\" in the past tense, 3 days after the publication date 2025-03-10; check the dates",
			"March 14: the body reports \"March 14\" in the past tense, 4 days after the publication date 2025-03-10; check the dates",
			"March 15: the body reports \"March 15\" in the past tense, 5 days after the publication date 2025-03-10; check the dates",
		}},
		{"date at the end of the block", "The museum opened on March 12", []string{
			"March 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"month without day", "The museum opened in March 2025 and in May.", []string{}},
		{"may as a word", "Visitors May 12 came and may 13 came.", []string{
			"May 12: the body reports \"May 12\" in the past tense; read in 2025 it is 2 months after the publication date 2025-03-10, so the year is ambiguous: add the year or check the dates",
		}},
		{"slash and underscore", "The build v/2025-03-14 and file_2025-03-14 were published.", []string{}},
		{"update note", "Update: the gallery opened on March 14.", []string{
			"March 14: the body reports \"March 14\" in the past tense, 4 days after the publication date 2025-03-10; check the dates",
		}},
		{"CJK stop", "访客来了。On March 12 the gallery opened.", []string{
			"March 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
		}},
		{"markdown emphasis and link", "---\ntitle: T\ndate: 2025-03-10\n---\n\nOn **March** 12 the museum *opened*. On [March 13](https://example.org/2025-03-13) the board met.\n\n> The gallery opened on March 14.\n\n    On March 15 the museum opened.\n", []string{
			"March** 12: the body reports \"March 12\" in the past tense, 2 days after the publication date 2025-03-10; check the dates",
			"March 13: the body reports \"March 13\" in the past tense, 3 days after the publication date 2025-03-10; check the dates",
		}},
		{"markdown code span cut", "---\ntitle: T\ndate: 2025-03-10\n---\n\nThe museum opened on `March` 17. The board met on March 18 `2026`.\n", []string{
			"March 18: the body reports \"March 18\" in the past tense, 8 days after the publication date 2025-03-10; check the dates",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, file := "Museum News\n\nThe museum opens\n\nDate: 2025-03-10\n\n"+tt.body+"\n", "a.txt"
			if strings.HasPrefix(tt.body, "---") {
				src, file = tt.body, "a.md"
			}
			doc, err := parse.Parse(file, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, d := range lint.Check(dateorder.Rule, doc, lint.Options{}) {
				got = append(got, src[d.Start:d.End]+": "+d.Message)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// FuzzRule: no panic and valid ranges on any text, plain or Markdown.
func FuzzRule(f *testing.F) {
	linttest.Fuzz(f, dateorder.Rule,
		"Museum News\n\nThe museum opens\n\nDate: 2025-02-30 25:10\n\nOn March 12, 2025 the museum opened.\n",
		"---\ntitle: T\ndate: 2025-4-09\n---\n\nOn June 5 visitors came. It was held on 12th of May.\n",
		"+++\npath = \"2014/12/12/slug\"\n+++\n\nFriday, March 12, 2025 was busy.\n",
		"Date: 03/04/2025\n",
	)
}

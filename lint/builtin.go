package lint

// Builtin returns the rules the engine itself implements.
func Builtin() []*Rule {
	return []*Rule{
		EncodingRule,
		{
			ID: "front-matter", Category: CategoryMetadata, Severity: SeverityError, Builtin: true,
			Doc: Doc{
				Title: "Front matter that cannot be parsed",
				Why:   "A site generator that cannot read the front matter drops the title, date and navigation, or fails the build.",
				Wrong: "---\ntitle: Museum opens: new gallery\n---",
				Right: "---\ntitle: \"Museum opens: new gallery\"\n---",
			},
		},
		{
			ID: "unused-suppression", Category: CategorySuppression, Severity: SeverityWarning, Builtin: true,
			Doc: Doc{
				Title: "A suppression comment that matches no finding",
				Why:   "Stale suppressions hide future problems on lines that have since changed.",
				Wrong: "<!-- copydesk-disable-next-line repeated-word -- band name -->\nThe museum opened.",
				Right: "The museum opened.",
			},
		},
		{
			ID: "invalid-suppression", Category: CategorySuppression, Severity: SeverityWarning, Builtin: true,
			Doc: Doc{
				Title: "A suppression comment without a reason, naming an unknown rule, or enabling what was never disabled",
				Why:   "A reason tells the next editor why the finding is wrong; an unknown rule ID suppresses nothing.",
				Wrong: "<!-- copydesk-disable-next-line repeated-word -->",
				Right: "<!-- copydesk-disable-next-line repeated-word -- the band is called The The -->",
			},
		},
	}
}

// EncodingRule reports files that are not UTF-8. The engine implements it:
// no other rule can read such a file, so it is checked before parsing.
var EncodingRule = &Rule{
	ID: "encoding", Category: CategoryCleaning, Severity: SeverityError, Builtin: true, Fixable: FixUnsafe,
	Doc: Doc{
		Title: "A file that is not valid UTF-8",
		Why: "Files exported from older systems arrive as Windows-1252, GB18030, Big5, Shift_JIS, EUC-KR, UTF-16 " +
			"or UTF-32. Web pages, site generators and search show them as garbage, and no other check can read " +
			"them. The finding says which encoding the file most likely is, how sure that guess is, and where " +
			"the first bad byte is. A file whose lines end with CR alone (classic Mac OS) is reported here too.",
		Wrong: "Caf\\xE9 opens on the harbour   (the byte 0xE9 alone, as Windows-1252 writes é)",
		Right: "Café opens on the harbour",
		Fix: "Unsafe, and offered only when one encoding is clearly the right one: the whole file is decoded " +
			"in every candidate encoding and each result is scored by how much it looks like text in the " +
			"languages that encoding serves. When two candidates score alike (Windows-1250 and Windows-1252 " +
			"read a few accented letters equally well) no conversion is offered and the finding names both. " +
			"A file that is mostly UTF-8 keeps its UTF-8 and only the stray bytes are read as Windows-1252.",
	},
}

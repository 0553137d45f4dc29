// Package rules lists every copydesk rule; each rule lives in its own
// package beside its testdata.
package rules

import (
	"github.com/copydesk/copydesk/lint"
	"github.com/copydesk/copydesk/rules/blanklines"
	"github.com/copydesk/copydesk/rules/bulletartifact"
	"github.com/copydesk/copydesk/rules/dateformat"
	"github.com/copydesk/copydesk/rules/datefuture"
	"github.com/copydesk/copydesk/rules/dateinvalid"
	"github.com/copydesk/copydesk/rules/datemissing"
	"github.com/copydesk/copydesk/rules/dateorder"
	"github.com/copydesk/copydesk/rules/fullwidthpunctuation"
	"github.com/copydesk/copydesk/rules/htmlentity"
	"github.com/copydesk/copydesk/rules/imageplaceholder"
	"github.com/copydesk/copydesk/rules/invisiblechar"
	"github.com/copydesk/copydesk/rules/linkbroken"
	"github.com/copydesk/copydesk/rules/missingspaceafterpunctuation"
	"github.com/copydesk/copydesk/rules/mojibake"
	"github.com/copydesk/copydesk/rules/multiplespaces"
	"github.com/copydesk/copydesk/rules/nameconsistency"
	"github.com/copydesk/copydesk/rules/namevariant"
	"github.com/copydesk/copydesk/rules/navlinkbroken"
	"github.com/copydesk/copydesk/rules/navlinkmismatch"
	"github.com/copydesk/copydesk/rules/navlinkorder"
	"github.com/copydesk/copydesk/rules/nbsp"
	"github.com/copydesk/copydesk/rules/quotestyle"
	"github.com/copydesk/copydesk/rules/repeatedpunctuation"
	"github.com/copydesk/copydesk/rules/repeatedword"
	"github.com/copydesk/copydesk/rules/separatorline"
	"github.com/copydesk/copydesk/rules/spacebeforepunctuation"
	"github.com/copydesk/copydesk/rules/terminalpunctuation"
	"github.com/copydesk/copydesk/rules/titlemissing"
	"github.com/copydesk/copydesk/rules/trailingwhitespace"
	"github.com/copydesk/copydesk/rules/unbalancedbrackets"
	"github.com/copydesk/copydesk/rules/unbalancedquotes"
	"github.com/copydesk/copydesk/rules/unicodenormalization"
)

// All returns every rule, the engine's built-in ones included. The
// list is sorted by package, where go run ./internal/cmd/newrule adds to it.
func All() []*lint.Rule {
	return append(lint.Builtin(),
		blanklines.Rule,
		bulletartifact.Rule,
		dateformat.Rule,
		datefuture.Rule,
		dateinvalid.Rule,
		datemissing.Rule,
		dateorder.Rule,
		fullwidthpunctuation.Rule,
		htmlentity.Rule,
		imageplaceholder.Rule,
		invisiblechar.Rule,
		linkbroken.Rule,
		missingspaceafterpunctuation.Rule,
		mojibake.Rule,
		multiplespaces.Rule,
		nameconsistency.Rule,
		namevariant.Rule,
		navlinkbroken.Rule,
		navlinkmismatch.Rule,
		navlinkorder.Rule,
		nbsp.Rule,
		quotestyle.Rule,
		repeatedpunctuation.Rule,
		repeatedword.Rule,
		separatorline.Rule,
		spacebeforepunctuation.Rule,
		terminalpunctuation.Rule,
		titlemissing.Rule,
		trailingwhitespace.Rule,
		unbalancedbrackets.Rule,
		unbalancedquotes.Rule,
		unicodenormalization.Rule,
	)
}

// Registry returns the validated registry of all rules.
func Registry() *lint.Registry {
	reg, err := lint.NewRegistry(All()...)
	if err != nil {
		// The rule set is fixed at build time; TestRegistry catches this.
		panic(err)
	}
	return reg
}

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

// All returns every rule, the engine's built-in ones included.
func All() []*lint.Rule {
	return append(lint.Builtin(), blanklines.Rule,
		nameconsistency.Rule,
		namevariant.Rule,
		dateformat.Rule,
		datefuture.Rule,
		dateinvalid.Rule,
		datemissing.Rule,
		dateorder.Rule,
		titlemissing.Rule,
		navlinkbroken.Rule,
		navlinkmismatch.Rule,
		navlinkorder.Rule,
		linkbroken.Rule,
		quotestyle.Rule,
		terminalpunctuation.Rule,
		unbalancedbrackets.Rule,
		unbalancedquotes.Rule,
		missingspaceafterpunctuation.Rule,
		multiplespaces.Rule,
		repeatedpunctuation.Rule,
		spacebeforepunctuation.Rule,
		fullwidthpunctuation.Rule,
		htmlentity.Rule,
		invisiblechar.Rule,
		mojibake.Rule,
		unicodenormalization.Rule,
		bulletartifact.Rule,
		imageplaceholder.Rule,
		nbsp.Rule,
		repeatedword.Rule,
		separatorline.Rule,
		trailingwhitespace.Rule,
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

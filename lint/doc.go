// Package lint is copydesk's core: it parses an article once into a shared
// model (blocks, prose tokens, title, date, navigation), runs rules over it
// and over the whole corpus, and filters the findings through configuration
// and suppression comments.
package lint

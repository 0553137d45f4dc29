// Package read gets an input's bytes safely (regular files only, a size
// bound), tells text from binary and guesses legacy encodings, and says
// which files are not articles at all.
package read

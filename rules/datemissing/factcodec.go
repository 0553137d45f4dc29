package datemissing

import (
	"fmt"

	"github.com/copydesk/copydesk/internal/wire"
)

// encodeFact turns a fact into bytes for the cache of context files; the
// finding of an undated page goes with it, position and message.
func encodeFact(f *fact) []byte {
	w := &wire.Writer{}
	w.Bool(f != nil)
	if f != nil {
		w.Bool(f.dated)
		w.Int(int64(f.d.Start))
		w.Int(int64(f.d.End))
		w.String(f.d.Message)
	}
	return w.B
}

func decodeFact(b []byte) (*fact, error) {
	r := wire.NewSharedReader(b) // b is the cache's: it does not change
	var f *fact
	if r.Bool() {
		f = &fact{dated: r.Bool()}
		f.d.Start, f.d.End = int(r.Int32()), int(r.Int32())
		f.d.Message = r.String()
	}
	if !r.Done() {
		return nil, fmt.Errorf("date-missing fact: %w", wire.ErrCorrupt)
	}
	return f, nil
}

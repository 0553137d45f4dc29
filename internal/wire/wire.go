// Package wire is a small binary encoding for what copydesk keeps on disk
// between runs (the cache of context files): varints, strings and bytes
// appended one after the other, read back in the same order by a Reader
// that fails, rather than panics or allocates without bound, on bytes it
// did not write.
package wire

import (
	"encoding/binary"
	"errors"
	"unsafe"
)

// ErrCorrupt is what a Reader reports for bytes no Writer made.
var ErrCorrupt = errors.New("corrupt data")

// Writer appends values to B.
type Writer struct{ B []byte }

// Uint appends an unsigned varint.
func (w *Writer) Uint(v uint64) { w.B = binary.AppendUvarint(w.B, v) }

// Int appends a signed varint.
func (w *Writer) Int(v int64) { w.B = binary.AppendVarint(w.B, v) }

// Bool appends a byte, 1 or 0.
func (w *Writer) Bool(v bool) {
	if v {
		w.B = append(w.B, 1)
	} else {
		w.B = append(w.B, 0)
	}
}

// String appends a length and the bytes of s.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.B = append(w.B, s...)
}

// Bytes appends a length and b.
func (w *Writer) Bytes(b []byte) {
	w.Uint(uint64(len(b)))
	w.B = append(w.B, b...)
}

// Reader reads back what a Writer wrote. Its first failure sticks: every
// read after it gives zero values, and Err says what went wrong.
type Reader struct {
	b      []byte
	err    error
	shared bool // strings share b's memory
}

// NewReader reads b; the strings it returns are copies.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// NewSharedReader reads b, which must never change again: the strings it
// returns share b's memory instead of copying it. A cache of the whole
// archive read back is tens of megabytes of strings; copying them was a
// fifth of a warm run.
func NewSharedReader(b []byte) *Reader { return &Reader{b: b, shared: true} }

// Err is the first failure, nil when every read so far succeeded.
func (r *Reader) Err() error { return r.err }

// Left is the number of bytes not read yet.
func (r *Reader) Left() int { return len(r.b) }

// Done reports whether every byte was read without failure.
func (r *Reader) Done() bool { return r.err == nil && len(r.b) == 0 }

// Fail records err as the reader's failure, unless one is recorded.
func (r *Reader) Fail(err error) {
	if r.err == nil {
		r.err = err
		r.b = nil
	}
}

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Int reads a signed varint.
func (r *Reader) Int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Int32 reads a signed varint that must fit 32 bits.
func (r *Reader) Int32() int32 {
	v := r.Int()
	if int64(int32(v)) != v {
		r.Fail(ErrCorrupt)
		return 0
	}
	return int32(v)
}

// Len reads a count of things each at least min bytes long: no more than
// the bytes left could hold, so that a corrupt count cannot make a reader
// allocate without bound.
func (r *Reader) Len(min int) int {
	v := r.Uint()
	if min < 1 {
		min = 1
	}
	if v > uint64(len(r.b)/min) {
		r.Fail(ErrCorrupt)
		return 0
	}
	return int(v)
}

// Bool reads a byte written by Bool.
func (r *Reader) Bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.Fail(ErrCorrupt)
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		r.Fail(ErrCorrupt)
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

// Bytes reads bytes written by Bytes, without copying.
func (r *Reader) Bytes() []byte {
	n := r.Uint()
	if n > uint64(len(r.b)) {
		r.Fail(ErrCorrupt)
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

// String reads a string written by String.
func (r *Reader) String() string {
	b := r.Bytes()
	if r.shared && len(b) > 0 {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	return string(b)
}

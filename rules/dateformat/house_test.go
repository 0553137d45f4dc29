package dateformat

import "testing"

// bytesStore is a lint.ArchiveStore holding b, made over documents of
// which changed are not as they were.
type bytesStore struct {
	b       []byte
	changed []int
}

func (s *bytesStore) Load() ([]byte, []int, bool) { return s.b, s.changed, s.b != nil }
func (s *bytesStore) Save(b []byte)               { s.b = b }

// TestHouseKept: a house style kept reads back as it was; bytes it did
// not write, or none, read as no house kept.
func TestHouseKept(t *testing.T) {
	for _, h := range []house{
		{},
		{layout: [3]string{"2006-01-02", "January 2, 2006", "2006-01-02T15:04:05Z07:00"}, label: [3]string{"Date: ", "日期："}, labelKnown: [3]bool{true, false}},
	} {
		got, ok := readHouse(&bytesStore{b: h.encode()})
		if !ok || got != h {
			t.Errorf("read back %+v, %v; want %+v", got, ok, h)
		}
		// the house style is every document's: one changed, and it is
		// worked out again
		if got, ok := readHouse(&bytesStore{b: h.encode(), changed: []int{3}}); ok {
			t.Errorf("read back %+v with a document changed", got)
		}
	}
	for _, b := range [][]byte{nil, {}, {houseVersion + 1}, {houseVersion, 3, 'a'}, append(house{}.encode(), 0)} {
		if h, ok := readHouse(&bytesStore{b: b}); ok {
			t.Errorf("%q read as %+v", b, h)
		}
	}
	if _, ok := readHouse(nil); ok {
		t.Error("no store read as a house kept")
	}
}

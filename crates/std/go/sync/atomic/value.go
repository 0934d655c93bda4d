// Value of sync/atomic: an atomically loaded and stored value of one consistent dynamic
// type.
//
// Invariants: v holds nil until the first Store (or Swap, or CompareAndSwap from nil);
// after that every stored value has the dynamic type of the first one. The type check and
// the store form one straight-line body (no call between them), so they are atomic (see
// doc.go); the dynamic type is the first word of an interface value, as Go's efaceWords
// reads it.
package atomic

import "unsafe"

// A Value provides an atomic load and store of a consistently typed value. The zero
// value for a Value returns nil from Load.
type Value struct {
	v any
}

// efaceWords is the layout of an interface value: its type word, then its data word.
type efaceWords struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

// The type words are read inline, (*efaceWords)(unsafe.Pointer(&x)).typ, not through a
// helper function: a call would be a point where another goroutine may run.

// Load returns the value set by the most recent Store; nil if there has been no call to
// Store for this Value.
func (v *Value) Load() (val any) { return v.v }

// Store sets the value of the Value v to val. All calls to Store for a given Value must
// use values of the same concrete type; Store of an inconsistent type panics, as does
// Store(nil).
func (v *Value) Store(val any) {
	if val == nil {
		panic("sync/atomic: store of nil value into Value")
	}
	if v.v != nil && (*efaceWords)(unsafe.Pointer(&v.v)).typ != (*efaceWords)(unsafe.Pointer(&val)).typ {
		panic("sync/atomic: store of inconsistently typed value into Value")
	}
	v.v = val
}

// Swap stores new into Value and returns the previous value; nil if the Value is empty.
// All calls to Swap for a given Value must use values of the same concrete type; Swap of
// an inconsistent type panics, as does Swap(nil).
func (v *Value) Swap(new any) (old any) {
	if new == nil {
		panic("sync/atomic: swap of nil value into Value")
	}
	if v.v != nil && (*efaceWords)(unsafe.Pointer(&v.v)).typ != (*efaceWords)(unsafe.Pointer(&new)).typ {
		panic("sync/atomic: swap of inconsistently typed value into Value")
	}
	old = v.v
	v.v = new
	return old
}

// CompareAndSwap executes the compare-and-swap operation for the Value. All calls to
// CompareAndSwap for a given Value must use values of the same concrete type;
// CompareAndSwap of an inconsistent type panics, as does CompareAndSwap(old, nil).
func (v *Value) CompareAndSwap(old, new any) (swapped bool) {
	if new == nil {
		panic("sync/atomic: compare and swap of nil value into Value")
	}
	if old != nil && (*efaceWords)(unsafe.Pointer(&old)).typ != (*efaceWords)(unsafe.Pointer(&new)).typ {
		panic("sync/atomic: compare and swap of inconsistently typed values")
	}
	if v.v == nil {
		if old != nil {
			return false
		}
		v.v = new
		return true
	}
	if (*efaceWords)(unsafe.Pointer(&v.v)).typ != (*efaceWords)(unsafe.Pointer(&new)).typ {
		panic("sync/atomic: compare and swap of inconsistently typed value into Value")
	}
	// Compared with the runtime's ==, so value types compare by value (and an
	// uncomparable type panics, as in Go).
	if v.v != old {
		return false
	}
	v.v = new
	return true
}

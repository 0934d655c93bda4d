// Package weak provides ways to safely reference memory weakly, that is, without
// preventing its reclamation.
//
// gosub: a Pointer holds the number of a weak handle the collector keeps
// (gosub_heap::specials): the handle follows its object when the object moves, and is
// cleared when the object is collected or its finalizer is queued. Two Pointers made from
// equal pointers compare equal, as in Go.
package weak

import "unsafe"

// Pointer is a weak pointer to a value of type T.
type Pointer[T any] struct {
	_ [0]*T
	h uintptr // handle number + 1; 0 for the nil pointer
}

// Make creates a weak pointer from a pointer to some value of type T.
func Make[T any](ptr *T) Pointer[T] {
	if ptr == nil {
		return Pointer[T]{}
	}
	return Pointer[T]{h: makeHandle(unsafe.Pointer(ptr)) + 1}
}

// Value returns the original pointer used to create the weak pointer. It returns nil if
// the value pointed to by the original pointer was reclaimed by the garbage collector.
func (p Pointer[T]) Value() *T {
	if p.h == 0 {
		return nil
	}
	return (*T)(handleValue(p.h - 1))
}

func makeHandle(p unsafe.Pointer) uintptr
func handleValue(h uintptr) unsafe.Pointer

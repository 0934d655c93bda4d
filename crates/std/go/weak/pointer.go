// Package weak provides ways to safely reference memory weakly, that is, without
// preventing its reclamation.
//
// gosub: as in Go, a Pointer points to a handle, a one-word heap object holding the
// object's address that the collector keeps up to date (gosub_heap::specials): it follows
// the object when the object moves and becomes nil when the object is collected or its
// finalizer is queued. Two Pointers made from equal pointers share the handle, so they
// compare equal.
package weak

import "unsafe"

// Pointer is a weak pointer to a value of type T.
type Pointer[T any] struct {
	_ [0]*T
	u unsafe.Pointer // the handle; nil for the nil pointer
}

// Make creates a weak pointer from a pointer to some value of type T.
func Make[T any](ptr *T) Pointer[T] {
	if ptr == nil {
		return Pointer[T]{}
	}
	return Pointer[T]{u: makeHandle(unsafe.Pointer(ptr))}
}

// Value returns the original pointer used to create the weak pointer. It returns nil if
// the value pointed to by the original pointer was reclaimed by the garbage collector.
func (p Pointer[T]) Value() *T {
	if p.u == nil {
		return nil
	}
	return (*T)(*(*unsafe.Pointer)(p.u))
}

func makeHandle(p unsafe.Pointer) unsafe.Pointer

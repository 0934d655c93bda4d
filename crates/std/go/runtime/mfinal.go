// Finalizers and cleanups (Go's mfinal.go and mcleanup.go): the collector keeps them as
// specials of the object (gosub_heap::specials) and queues them when it finds the object
// unreachable; the VM runs each on a goroutine of its own (gosub_vm::gc).
package runtime

import "unsafe"

// SetFinalizer sets the finalizer associated with obj to the provided finalizer
// function. When the garbage collector finds an unreachable object with an associated
// finalizer, it clears the association and runs finalizer(obj) in a separate goroutine;
// the object and everything it points to are kept for one more cycle. A nil finalizer
// clears the one set.
//
// gosub: each finalizer runs on a system goroutine of its own.
func SetFinalizer(obj any, finalizer any) {
	p := efaceData(obj)
	if obj == nil {
		throw("runtime.SetFinalizer: first argument is nil")
	}
	if !efaceIsPointer(obj) {
		throw("runtime.SetFinalizer: first argument is " + efaceTypeName(obj) + ", not pointer")
	}
	if finalizer == nil {
		removeFinalizer(p)
		return
	}
	if !efaceIsFunc(finalizer) {
		throw("runtime.SetFinalizer: second argument is " + efaceTypeName(finalizer) + ", not a function")
	}
	addFinalizer(obj, finalizer)
}

// Cleanup is a handle to a cleanup call for a specific object.
type Cleanup struct {
	id uint64
}

// AddCleanup attaches a cleanup function to ptr. Some time after ptr is no longer
// reachable, the runtime will call cleanup(arg) in a separate goroutine.
func AddCleanup[T, S any](ptr *T, cleanup func(S), arg S) Cleanup {
	if ptr == nil {
		panic("runtime.AddCleanup: ptr is nil")
	}
	if efaceIsPointer(any(arg)) && efaceData(any(arg)) == unsafe.Pointer(ptr) {
		panic("runtime.AddCleanup: ptr is equal to arg, cleanup will never run")
	}
	fn := func() { cleanup(arg) }
	return Cleanup{addCleanup(unsafe.Pointer(ptr), efaceData(fn))}
}

// Stop cancels the cleanup call.
func (c Cleanup) Stop() {
	stopCleanup(c.id)
}

func efaceData(x any) unsafe.Pointer
func efaceIsPointer(x any) bool
func efaceIsFunc(x any) bool
func efaceTypeName(x any) string
// addFinalizer checks that finalizer takes obj (its pointer type, or an interface obj
// implements) and registers it.
func addFinalizer(obj any, finalizer any)
func removeFinalizer(p unsafe.Pointer)
func addCleanup(p unsafe.Pointer, fn unsafe.Pointer) uint64
func stopCleanup(id uint64)
func throw(s string)

// Objects and the old space. gosub's heap is generational: new objects are bump-allocated
// in the nursery, and a minor collection copies the live ones to a survivor space, then,
// after a few, promotes them to the non-moving old space. Go's own heap never moves an
// object, so an address a Go program sees never changes; gosub keeps that promise by
// promoting a young object the moment its address is looked at (here uintptr(unsafe.Pointer),
// as for %p or println of a pointer): that costs one minor collection (the first gctrace
// line), and from then on the object stays where it is. Shown with GOSUBDEBUG=gctrace=1.
//
// space() reads the address ranges of gosub's default 64 GiB layout
// (crates/heap/src/arena.rs); under real Go it would print "other".
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type item struct {
	id   int
	next *item
}

func space(p *item) string {
	a := uintptr(unsafe.Pointer(p))
	switch {
	case a >= 0xc000000000 && a < 0xc080000000:
		return "nursery"
	case a >= 0xc080000000 && a < 0xc180000000:
		return "survivor space"
	case a >= 0xc180000000 && a < 0xc500000000:
		return "old space"
	}
	return "other"
}

var sink, kept *item

func main() {
	keep := &item{id: 1}
	kept = keep // stored in a global: keep escapes, so it is a heap object
	fmt.Println("new object:", space(keep))
	// Each round allocates a little more short-lived data than the 256 KiB nursery holds
	// (11,000 objects of 24 bytes with their headers), so each round runs one minor
	// collection; keep, already in the old space, survives them without moving.
	for round := 1; round <= 2; round++ {
		for i := 0; i < 11000; i++ {
			sink = &item{id: i}
		}
		fmt.Printf("after %d minor collection(s): %s\n", round, space(keep))
	}
	runtime.GC()
	fmt.Println("after runtime.GC:", space(keep))
	fmt.Println("still the same value:", keep.id)
}

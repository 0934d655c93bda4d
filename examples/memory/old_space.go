// Objects surviving into the old space. gosub's heap is generational: new objects are
// bump-allocated in the nursery; a minor collection copies the live ones to a survivor
// space, and after surviving a few collections (or at a major collection such as
// runtime.GC) they are promoted to the non-moving old space. Go's own heap is neither
// generational nor moving; this is gosub's design, shown here with GOSUBDEBUG=gctrace=1.
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
	// collection; keep survives them and moves each time.
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

// An address turned into a uintptr is observed: a map keyed by uintptr(unsafe.Pointer(p))
// still finds every object after collections, as with Go's non-moving heap.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type item struct {
	id  int
	pad [24]byte
}

func main() {
	items := make([]*item, 100)
	ids := map[uintptr]int{}
	for i := range items {
		items[i] = &item{id: i}
		ids[uintptr(unsafe.Pointer(items[i]))] = i
	}
	for round := 0; round < 3; round++ {
		for j := 0; j < 20000; j++ {
			_ = &item{id: j}
		}
		runtime.GC()
	}
	found := 0
	for i, it := range items {
		if ids[uintptr(unsafe.Pointer(it))] == i && it.id == i {
			found++
		}
	}
	fmt.Println("found after collections:", found, "of", len(items))
	fmt.Println("distinct addresses:", len(ids))
}

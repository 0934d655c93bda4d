// Large objects: allocated straight into their own pages, counted in HeapAlloc and
// HeapObjects while live, freed by the next collection after they die.
package main

import (
	"fmt"
	"runtime"
)

var big [][]int64

func stats() (alloc, objects uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc, m.HeapObjects
}

func main() {
	runtime.GC()
	a0, o0 := stats()
	for i := 0; i < 16; i++ {
		s := make([]int64, 64<<10) // 512 KiB each
		s[len(s)-1] = int64(i)
		big = append(big, s)
	}
	a1, o1 := stats()

	fmt.Println("8 MiB live:", (a1-a0)>>20 >= 8)
	fmt.Println("at least 16 more objects:", o1-o0 >= 16)
	sum := int64(0)
	for _, s := range big {
		sum += s[len(s)-1]
	}
	fmt.Println("sum:", sum)
	// Shortening a slice keeps what its backing array holds (the collector scans the
	// whole array, as Go's does); clearing the elements frees them.
	big = big[:8]
	runtime.GC()
	a2, _ := stats()
	fmt.Println("re-slicing frees nothing:", int64(a1)-int64(a2) < 1<<20)
	clear(big[8:16])
	runtime.GC()
	a3, _ := stats()
	fmt.Println("clearing frees half:", (int64(a2)-int64(a3))>>10 >= 4000, (int64(a3)-int64(a0))>>10 >= 4000)
	big = nil
	runtime.GC()
	a4, _ := stats()
	fmt.Println("all freed:", int64(a4)-int64(a0) < 64<<10)
}

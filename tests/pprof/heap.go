// A program whose heap profile real Go and gosub must agree on (tests/pprof.sh): every
// allocation sampled (MemProfileRate = 1), 1,000 nodes of one size class allocated in
// alloc, 100 of them kept, the profile written after a collection.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

type node struct {
	next *node
	val  [6]int
}

var keep []*node

func alloc(n int) {
	for i := 0; i < n; i++ {
		p := &node{}
		if i%10 == 0 {
			keep = append(keep, p)
		}
	}
}

func main() {
	runtime.MemProfileRate = 1
	keep = make([]*node, 0, 100)
	alloc(1000)
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		fmt.Println(err)
	}
	f.Close()
	fmt.Println(len(keep), "kept")
}

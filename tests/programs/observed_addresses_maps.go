// Addresses printed inside maps are observed too: the pointers a map holds print the same
// before and after collections, as in Go's non-moving heap.
package main

import (
	"fmt"
	"runtime"
)

type node struct{ v int }

func main() {
	m := map[string]*node{"a": {1}, "b": {2}}
	keys := map[*node]bool{{3}: true}
	nested := map[int][]*node{1: {{4}, {5}}}
	before := fmt.Sprint(m, keys, nested)
	for i := 0; i < 3; i++ {
		for j := 0; j < 10000; j++ {
			_ = &node{j}
		}
		runtime.GC()
	}
	after := fmt.Sprint(m, keys, nested)
	fmt.Println("same addresses after collections:", before == after)
	p := fmt.Sprintf("%p", m["a"])
	runtime.GC()
	fmt.Println("pointer value unchanged:", p == fmt.Sprintf("%p", m["a"]), m["a"].v+m["b"].v)
}

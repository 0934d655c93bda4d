// Liveness: a cyclic graph built in loops (temporaries, loop variables, call results)
// is reclaimed entirely once its root is dropped: HeapObjects and HeapAlloc return to
// where they were.
package main

import (
	"fmt"
	"runtime"
)

type node struct {
	id    int
	edges []*node
	data  [48]byte
}

var g []*node

func stats() (objects, alloc uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapObjects, m.HeapAlloc
}

func build(n int) []*node {
	nodes := make([]*node, 0, n)
	for i := 0; i < n; i++ {
		nodes = append(nodes, &node{id: i})
	}
	for i, nd := range nodes {
		nd.edges = append(nd.edges, nodes[(i+1)%n], nodes[(i*7+3)%n])
	}
	return nodes
}

func main() {
	runtime.GC()
	o0, a0 := stats()
	g = build(2000)
	runtime.GC()
	o1, a1 := stats()
	fmt.Println("graph adds at least 4000 objects:", o1-o0 >= 4000)
	fmt.Println("graph adds at least 200 KiB:", (a1-a0)>>10 >= 200)
	sum := 0
	for _, nd := range g {
		sum += nd.edges[0].id
	}
	fmt.Println("sum of successors:", sum)
	g = nil
	runtime.GC()
	o2, a2 := stats()
	fmt.Println("objects back within 16:", o2 <= o0+16)
	// (Go's fmt keeps a few KiB of its own buffers between calls, more on some runs.)
	fmt.Println("bytes back within 16 KiB:", a2 <= a0+16<<10)
}

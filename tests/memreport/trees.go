// A program for the memory report's tests (tests/memreport.rs, tests/memreport.sh): a
// long-lived tree promoted to the old space, short-lived trees collected young, a
// runtime.GC and a debug.FreeOSMemory, and a large object.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type node struct {
	left, right *node
	val         int
}

func tree(d int) *node {
	if d == 0 {
		return &node{val: 1}
	}
	return &node{left: tree(d - 1), right: tree(d - 1)}
}

func (n *node) sum() int {
	if n == nil {
		return 0
	}
	return n.val + n.left.sum() + n.right.sum()
}

func main() {
	long := tree(14)
	total := 0
	for i := 0; i < 40; i++ {
		total += tree(10).sum()
		if i == 20 {
			runtime.GC()
		}
	}
	buf := make([]byte, 1<<20)
	debug.FreeOSMemory()
	fmt.Println(total, long.sum(), len(buf))
}

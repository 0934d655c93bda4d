// Liveness and closures: what a closure captures lives as long as the closure value;
// dropping the closure frees it.
package main

import (
	"fmt"
	"runtime"
)

func heapMiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

var fn func() int

func counter(buf []byte) func() int {
	n := 0
	return func() int {
		n++
		return n + int(buf[0])
	}
}

func main() {
	buf := make([]byte, 24<<20)
	buf[0] = 1
	fn = counter(buf)
	buf = nil
	fn()
	runtime.GC()
	fmt.Println("captured by a live closure:", heapMiB(), "MiB, calls:", fn())
	fn = nil
	runtime.GC()
	fmt.Println("closure dropped:", heapMiB(), "MiB")
}

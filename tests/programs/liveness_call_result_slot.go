// A call's result slot in the caller's frame holds the previous call's result until the
// return overwrites it; during the call it must not keep that result alive (gc's stack
// maps at a call site exclude the call's results). Each mk() call collects before it
// allocates: the 32 MiB of the previous iteration's result are already garbage.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ buf []byte }

func (t *T) Len() int { return len(t.buf) }

func heapMiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func mk() *T {
	runtime.GC()
	fmt.Println("before alloc:", heapMiB(), "MiB")
	return &T{buf: make([]byte, 32<<20)}
}

func main() {
	total := 0
	for i := 0; i < 3; i++ {
		total += mk().Len()
	}
	fmt.Println("total", total>>20, "MiB")
}

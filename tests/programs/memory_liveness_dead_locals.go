// Liveness: a local, a temporary or a parameter that the function no longer reads does
// not keep its object alive at a collection, as gc's stack maps per safepoint decide.
package main

import (
	"fmt"
	"runtime"
)

var big []byte

func heapMiB() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >> 20
}

func touch(b []byte) {
	for i := 0; i < len(b); i += 4096 {
		b[i] = byte(i % 251)
	}
}

// consume hands its parameter on, then collects: neither its own copy nor the
// caller's argument keeps the slice alive.
func consume(b []byte) {
	touch(b)
	runtime.GC()
	fmt.Println("inside consume, after its last use:", heapMiB(), "MiB")
}

func main() {
	// The program: the global is the only reference once the temporary that
	// carried make's result is spent.
	big = make([]byte, 64<<20)
	touch(big)
	big = nil
	runtime.GC()
	fmt.Println("global dropped:", heapMiB(), "MiB")

	// A loop variable: after the loop, the last iteration's slice is dead.
	for i := 0; i < 3; i++ {
		b := make([]byte, 64<<20)
		b[0] = 1
	}
	runtime.GC()
	fmt.Println("after the loop:", heapMiB(), "MiB")

	// A local still in scope but never read again.
	x := make([]byte, 32<<20)
	touch(x)
	fmt.Println("x in use:", heapMiB(), "MiB, x[4096] =", x[4096])
	runtime.GC()
	fmt.Println("x dead (still in scope):", heapMiB(), "MiB")

	// runtime.KeepAlive extends the liveness to its call.
	y := make([]byte, 16<<20)
	touch(y)
	runtime.GC()
	fmt.Println("y kept alive:", heapMiB(), "MiB")
	runtime.KeepAlive(y)
	runtime.GC()
	fmt.Println("after KeepAlive:", heapMiB(), "MiB")

	// An argument.
	consume(make([]byte, 48<<20))
	runtime.GC()
	fmt.Println("after the call:", heapMiB(), "MiB")
}

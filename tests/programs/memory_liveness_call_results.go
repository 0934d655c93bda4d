// Liveness: the result of a call through a func value or an interface, once copied
// out, is not kept alive by the argument region it came back in.
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

type maker interface{ Make(n int) []byte }

type bytesMaker struct{}

func (bytesMaker) Make(n int) []byte {
	b := make([]byte, n)
	b[n-1] = 1
	return b
}

var sink []byte

func main() {
	mk := func(n int) []byte { return make([]byte, n) }
	a := mk(40 << 20)
	sink = a
	fmt.Println("closure result held:", heapMiB(), "MiB")
	sink = nil
	runtime.GC()
	fmt.Println("closure result dropped:", heapMiB(), "MiB")

	var m maker = bytesMaker{}
	sink = m.Make(24 << 20)
	fmt.Println("method result held:", heapMiB(), "MiB")
	sink = nil
	runtime.GC()
	fmt.Println("method result dropped:", heapMiB(), "MiB")

	// A deferred closure reads a variable: it stays alive until the function returns.
	func() {
		kept := make([]byte, 8<<20)
		defer func() { fmt.Println("deferred reads", len(kept)>>20, "MiB") }()
		runtime.GC()
		fmt.Println("while deferred:", heapMiB(), "MiB")
	}()
	runtime.GC()
	fmt.Println("after return:", heapMiB(), "MiB")
}

// debug.SetGCPercent(-1) turns the collector off: no collection at all (not even a
// young one) until runtime.GC, and garbage piles up in HeapAlloc, as in Go.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte

func churn(n int) {
	for i := 0; i < n; i++ {
		sink = make([]byte, 1024)
	}
}

func stats() (uint32, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC, m.HeapAlloc
}

func main() {
	old := debug.SetGCPercent(-1)
	fmt.Println("old percent", old)
	g0, h0 := stats()
	churn(64 << 10) // 64 MiB of 1 KiB garbage
	g1, h1 := stats()
	fmt.Println("collections while off:", g1-g0)
	fmt.Println("garbage piled up:", h1-h0 > 60<<20)
	runtime.GC()
	g2, h2 := stats()
	fmt.Println("runtime.GC ran:", g2 > g1, "freed:", h2 < 8<<20)
	debug.SetGCPercent(old)
	churn(64 << 10)
	g3, _ := stats()
	fmt.Println("collections once on again:", g3 > g2)
}

// debug.SetMemoryLimit: with the collector off, the soft memory limit alone makes it
// collect, keeping the heap under the limit; SetMemoryLimit returns the previous limit.
package main

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
)

var sink []byte

func stats() (uint32, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC, m.HeapAlloc
}

func main() {
	fmt.Println("default limit is none:", debug.SetMemoryLimit(-1) == math.MaxInt64)
	debug.SetGCPercent(-1)
	prev := debug.SetMemoryLimit(32 << 20)
	fmt.Println("previous:", prev == math.MaxInt64, "now:", debug.SetMemoryLimit(-1)>>20, "MiB")
	g0, _ := stats()
	peak := uint64(0)
	for i := 0; i < 256<<10; i++ { // 256 MiB of 1 KiB garbage
		sink = make([]byte, 1024)
		if i%1024 == 0 {
			if _, h := stats(); h > peak {
				peak = h
			}
		}
	}
	g1, _ := stats()
	fmt.Println("the limit made it collect:", g1 > g0)
	fmt.Println("heap stayed near the limit:", peak < 48<<20)
	debug.SetMemoryLimit(math.MaxInt64)
	runtime.GC() // finish any cycle the limit started, so none ends inside the next loop
	g2, _ := stats()
	for i := 0; i < 64<<10; i++ {
		sink = make([]byte, 1024)
	}
	g3, _ := stats()
	fmt.Println("no limit, GC off: no collection:", g3 == g2)
}

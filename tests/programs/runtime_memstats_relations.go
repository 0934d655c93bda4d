// MemStats stays true through large frees, forced collections and FreeOSMemory: the
// relations between its fields that Go's runtime keeps.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var keep [][]byte

func read() runtime.MemStats {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m
}

func check(label string, m runtime.MemStats) {
	fmt.Println(label)
	fmt.Println("  HeapSys = HeapInuse + HeapIdle:", m.HeapSys == m.HeapInuse+m.HeapIdle)
	fmt.Println("  HeapReleased <= HeapIdle:", m.HeapReleased <= m.HeapIdle)
	fmt.Println("  HeapAlloc <= HeapInuse:", m.HeapAlloc <= m.HeapInuse)
	fmt.Println("  HeapObjects = Mallocs - Frees:", m.HeapObjects == m.Mallocs-m.Frees)
	fmt.Println("  Alloc = HeapAlloc:", m.Alloc == m.HeapAlloc)
	fmt.Println("  TotalAlloc >= HeapAlloc:", m.TotalAlloc >= m.HeapAlloc)
	fmt.Println("  Sys >= HeapSys + StackSys:", m.Sys >= m.HeapSys+m.StackSys)
	fmt.Println("  0 <= GCCPUFraction < 1:", m.GCCPUFraction >= 0 && m.GCCPUFraction < 1)
	fmt.Println("  NumForcedGC <= NumGC:", m.NumForcedGC <= m.NumGC)
}

func main() {
	m0 := read()
	check("start", m0)

	for i := 0; i < 64; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
	m1 := read()
	check("64 MiB held", m1)
	fmt.Println("  HeapAlloc grew by at least 64 MiB:", m1.HeapAlloc-m0.HeapAlloc >= 64<<20)
	fmt.Println("  Mallocs grew by at least 64:", m1.Mallocs-m0.Mallocs >= 64)

	keep = nil
	runtime.GC()
	m2 := read()
	check("freed, after runtime.GC", m2)
	fmt.Println("  HeapAlloc back within 1 MiB of the start:", m2.HeapAlloc < m0.HeapAlloc+1<<20)
	fmt.Println("  Frees grew by at least 64:", m2.Frees-m1.Frees >= 64)
	fmt.Println("  HeapIdle grew by at least 32 MiB:", m2.HeapIdle > m1.HeapIdle+32<<20)
	fmt.Println("  NumForcedGC counts the call:", m2.NumForcedGC == m1.NumForcedGC+1)

	debug.FreeOSMemory()
	m3 := read()
	check("after FreeOSMemory", m3)
	fmt.Println("  at least 90% of the idle bytes released:", m3.HeapReleased*10 >= m3.HeapIdle*9)
	fmt.Println("  HeapReleased at least 32 MiB:", m3.HeapReleased >= 32<<20)
	fmt.Println("  HeapSys grew by at most 1 MiB:", m3.HeapSys <= m2.HeapSys+1<<20)
	fmt.Println("  NumForcedGC counts FreeOSMemory:", m3.NumForcedGC == m2.NumForcedGC+1)
	fmt.Println("  NumGC grew:", m3.NumGC > m2.NumGC)

	// Reusing the released pages takes them back from the OS.
	for i := 0; i < 32; i++ {
		keep = append(keep, make([]byte, 1<<20))
	}
	m4 := read()
	check("32 MiB held again", m4)
	fmt.Println("  HeapReleased shrank:", m4.HeapReleased < m3.HeapReleased)
	fmt.Println("  PauseTotalNs grew with the collections:", m4.PauseTotalNs >= m0.PauseTotalNs)
	fmt.Println("  LastGC set:", m4.LastGC > 0)
	runtime.KeepAlive(keep)
}

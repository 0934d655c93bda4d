// runtime.ReadMemStats before and after runtime.GC, debug.SetGCPercent and
// debug.FreeOSMemory: only deterministic facts are printed.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type T struct {
	A [4]int
	P *T
}

var sink *T

// build keeps the list only in the global: once sink is nil it is garbage (gosub's
// frames have no liveness maps, so a local in main would keep it alive).
func build() {
	var head *T
	for i := 0; i < 100000; i++ {
		head = &T{P: head}
	}
	sink = head
}

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("NumGC grew:", after.NumGC > before.NumGC)
	fmt.Println("forced:", after.NumForcedGC >= before.NumForcedGC+1)
	fmt.Println("Mallocs grew by at least 100000:", after.Mallocs-before.Mallocs >= 100000)
	fmt.Println("TotalAlloc grew by at least 4MB:", after.TotalAlloc-before.TotalAlloc >= 4<<20)
	fmt.Println("HeapAlloc == Alloc:", after.HeapAlloc == after.Alloc)
	fmt.Println("live list counted:", after.HeapAlloc >= 100000*40)
	fmt.Println("HeapObjects = Mallocs - Frees:", after.HeapObjects == after.Mallocs-after.Frees)
	fmt.Println("Sys >= HeapSys >= HeapInuse:", after.Sys >= after.HeapSys && after.HeapSys >= after.HeapInuse)
	fmt.Println("HeapIdle + HeapInuse == HeapSys:", after.HeapIdle+after.HeapInuse == after.HeapSys)
	fmt.Println("PauseTotalNs > 0:", after.PauseTotalNs > 0)
	fmt.Println("last pause recorded:", after.PauseNs[(after.NumGC+255)%256] > 0)
	fmt.Println("LastGC set:", after.LastGC > 0 && after.PauseEnd[(after.NumGC+255)%256] == after.LastGC)
	fmt.Println("NextGC > 0:", after.NextGC > 0)
	fmt.Println("EnableGC:", after.EnableGC)
	fmt.Println("GCCPUFraction in [0,1]:", after.GCCPUFraction >= 0 && after.GCCPUFraction <= 1)

	sink = nil
	old := debug.SetGCPercent(50)
	fmt.Println("old percent:", old)
	fmt.Println("new percent:", debug.SetGCPercent(100))
	debug.FreeOSMemory()
	var freed runtime.MemStats
	runtime.ReadMemStats(&freed)
	fmt.Println("list freed:", freed.HeapAlloc < after.HeapAlloc)
	fmt.Println("Frees grew:", freed.Frees > after.Frees)
	fmt.Println("HeapReleased > 0:", freed.HeapReleased > 0)
	fmt.Println("HeapReleased <= HeapIdle:", freed.HeapReleased <= freed.HeapIdle)
	fmt.Println("forced again:", freed.NumForcedGC == after.NumForcedGC+1)
}

package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

type node struct {
	next *node
	buf  [64]byte
}

var keep *node

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < 10000; i++ {
		keep = &node{next: keep}
		if i%100 == 0 {
			keep = nil
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	fmt.Println("NumGC grew:", after.NumGC > before.NumGC)
	fmt.Println("Mallocs grew:", after.Mallocs-before.Mallocs >= 10000)
	fmt.Println("TotalAlloc grew:", after.TotalAlloc > before.TotalAlloc)
	fmt.Println("forced:", after.NumForcedGC > before.NumForcedGC)
	var s debug.GCStats
	debug.ReadGCStats(&s)
	fmt.Println("stats:", s.NumGC >= int64(after.NumGC), len(s.Pause) > 0, s.PauseTotal > 0, !s.LastGC.IsZero())
	old := debug.SetGCPercent(50)
	fmt.Println("old GOGC:", old, "now:", debug.SetGCPercent(old))
}

// GOGC pacing: the same garbage collected with debug.SetGCPercent(10) takes more
// collections than with 400, and with -1 none at all until runtime.GC.
//
// gosub: measures GC pacing

package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var sink []byte
var live [][]byte

func numGC() uint32 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.NumGC
}

func churn() uint32 {
	runtime.GC()
	before := numGC()
	for i := 0; i < 64<<10; i++ {
		sink = make([]byte, 1024)
	}
	return numGC() - before
}

func main() {
	// Some live data, so that the heap goal depends on GOGC.
	for i := 0; i < 64; i++ {
		live = append(live, make([]byte, 64<<10))
	}
	old := debug.SetGCPercent(10)
	fmt.Println("default GOGC:", old)
	n10 := churn()
	debug.SetGCPercent(400)
	n400 := churn()
	debug.SetGCPercent(-1)
	off := churn()
	fmt.Println("GOGC=10 collects more than GOGC=400:", n10 > n400)
	fmt.Println("GOGC=400 still collects:", n400 > 0)
	fmt.Println("GOGC=off collects nothing:", off == 0)
	fmt.Println("SetGCPercent returns the previous value:", debug.SetGCPercent(100))
	runtime.KeepAlive(live)
}

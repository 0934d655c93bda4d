// runtime.ReadMemStats before and after runtime.GC and debug.FreeOSMemory. The values
// depend on the allocator, so the program prints comparisons: what a collection is
// expected to change, and in which direction.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

var data [][]byte

func read() runtime.MemStats {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m
}

// fill allocates about 2 MB reachable from the global data.
func fill() {
	for i := 0; i < 2000; i++ {
		data = append(data, make([]byte, 1000))
	}
}

func main() {
	fill()
	m0 := read()
	data = nil // the 2 MB of slices become garbage
	runtime.GC()
	m1 := read()
	fmt.Println("runtime.GC counted:", m1.NumGC > m0.NumGC, m1.NumForcedGC == m0.NumForcedGC+1)
	fmt.Println("HeapAlloc went down:", m1.HeapAlloc < m0.HeapAlloc)
	fmt.Println("objects were freed:", m1.Frees > m0.Frees)
	fmt.Println("TotalAlloc never goes down:", m1.TotalAlloc >= m0.TotalAlloc)

	debug.FreeOSMemory()
	m2 := read()
	fmt.Println("FreeOSMemory is a forced collection too:", m2.NumForcedGC == m1.NumForcedGC+1)
	fmt.Println("memory was returned to the OS:", m2.HeapReleased > 0)
	fmt.Println("the heap is still usable:", len(make([]byte, 100)) == 100)
}

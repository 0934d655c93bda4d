// A program whose only allocations are map growth (done by the runtime, where gosub's
// collector cannot run mid-operation) is still paced: the collection an insert owes runs
// at the next insert, so garbage maps are collected as the program goes, as in Go.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	sum := 0
	for r := 0; r < 20; r++ {
		m := make(map[int]int)
		for i := 0; i < 100000; i++ {
			m[i*7+r] = i
		}
		sum += len(m)
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Println("entries:", sum)
	fmt.Println("collected while inserting:", after.NumGC-before.NumGC >= 5)
	fmt.Println("heap stayed small:", after.HeapAlloc < 64<<20, after.HeapSys < 128<<20)
	fmt.Println("most of it freed:", after.TotalAlloc-before.TotalAlloc > 4*after.HeapAlloc)
}

// Liveness on parked goroutines: a goroutine blocked on a channel keeps only what it
// will still read; a value it is blocked sending stays alive until the receiver takes it.
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

func main() {
	runtime.GOMAXPROCS(1)
	start := make(chan bool)
	done := make(chan int)

	// Blocked with a dead local: its 32 MiB are garbage while it waits.
	go func() {
		scratch := make([]byte, 32<<20)
		scratch[0] = 7
		n := int(scratch[0])
		<-start
		done <- n
	}()

	// Blocked sending a 16 MiB slice: the value is alive until received.
	out := make(chan []byte)
	go func() {
		b := make([]byte, 16<<20)
		b[1] = 9
		out <- b
	}()

	// Blocked with a live local it reads after waking.
	go func() {
		kept := make([]byte, 8<<20)
		kept[2] = 5
		<-start
		done <- int(kept[2])
	}()

	runtime.Gosched()
	runtime.GC()
	fmt.Println("three goroutines parked:", heapMiB(), "MiB")

	got := <-out
	fmt.Println("received", len(got)>>20, "MiB, got[1] =", got[1])
	got = nil
	runtime.GC()
	fmt.Println("after dropping it:", heapMiB(), "MiB")

	close(start)
	a, b := <-done, <-done
	fmt.Println("results:", a+b)
	runtime.GC()
	fmt.Println("all done:", heapMiB(), "MiB")
}

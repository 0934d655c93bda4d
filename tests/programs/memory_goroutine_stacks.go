// Goroutine stacks are memory too: a thousand blocked goroutines raise StackInuse and
// NumGoroutine; once they end, both fall back.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func stackInuse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

func main() {
	const n = 1000
	s0, g0 := stackInuse(), runtime.NumGoroutine()
	release := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-release
		}()
	}
	runtime.Gosched()
	s1, g1 := stackInuse(), runtime.NumGoroutine()
	fmt.Println("goroutines added:", g1-g0)
	fmt.Println("StackInuse grew by at least 1 KiB each:", s1-s0 >= n*1024)
	close(release)
	wg.Wait()
	runtime.GC()
	s2, g2 := stackInuse(), runtime.NumGoroutine()
	fmt.Println("goroutines back:", g2 == g0)
	fmt.Println("StackInuse fell by at least half of it:", s1-s2 >= (s1-s0)/2)
}

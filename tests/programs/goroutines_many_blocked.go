// Ten thousand goroutines blocked on one channel at once: each starts on a small stack
// (2 KiB in gosub, as in Go), so they all fit; NumGoroutine counts them; closing the
// channel releases them all, and each hands back what it computed on its own stack.
package main

import (
	"fmt"
	"runtime"
)

func work(i int) int {
	var local [16]int
	for j := range local {
		local[j] = i + j
	}
	return local[15] - local[0]
}

func main() {
	const n = 10_000
	start := make(chan struct{})
	done := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			<-start
			done <- work(i)
		}()
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	close(start)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	fmt.Println("sum:", sum)
}

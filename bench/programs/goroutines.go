// goroutines: a million goroutines blocked on a channel at once, then released. Measures
// what a blocked goroutine costs (its stack starts small: 2 KiB in gosub, as in Go) and
// that NumGoroutine reports them all.
package main

import (
	"fmt"
	"runtime"
)

func main() {
	const n = 1_000_000
	start := make(chan struct{})
	done := make(chan int, 1024)
	for i := 0; i < n; i++ {
		go func() {
			<-start
			done <- i & 1
		}()
	}
	fmt.Println("blocked:", runtime.NumGoroutine()-1)
	close(start)
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-done
	}
	fmt.Println("released:", sum)
}

// Goroutine stacks in MemStats: 400 goroutines that recursed deep and then blocked
// hold a lot of stack; once they are released and gone, a collection gives it back
// (StackInuse and StackSys fall), as Go frees stack spans at GC.
package main

import (
	"fmt"
	"runtime"
)

func deep(n int) int {
	var pad [32]int
	pad[n%32] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[n%32] - n + 1
}

func stacks() (inuse, sys uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse, m.StackSys
}

func main() {
	inuse0, _ := stacks()
	const n = 400
	release := make(chan struct{})
	ready := make(chan int)
	finished := make(chan bool)
	for i := 0; i < n; i++ {
		go func() {
			ready <- deep(400) // grows the stack well past its first 2 KiB
			<-release
			finished <- true
		}()
	}
	sum := 0
	for i := 0; i < n; i++ {
		sum += <-ready
	}
	inuse1, sys1 := stacks()
	fmt.Println("depth sum:", sum)
	fmt.Println("blocked goroutines hold more than 400 x 16 KiB of stack:", inuse1-inuse0 > n*16<<10)
	close(release)
	for i := 0; i < n; i++ {
		<-finished
	}
	runtime.Gosched()
	runtime.GC()
	runtime.GC()
	inuse2, sys2 := stacks()
	fmt.Println("StackInuse fell after they finished:", inuse2 < inuse1)
	fmt.Println("StackSys fell after they finished:", sys2 < sys1)
	fmt.Println("NumGoroutine:", runtime.NumGoroutine())
}

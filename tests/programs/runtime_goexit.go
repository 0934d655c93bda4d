// runtime.Goexit: deferred calls run (recover returns nil in them), the goroutine ends;
// in main, the other goroutines run on and then the program dies with gc's "no goroutines"
// deadlock error.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer fmt.Println("deferred in goroutine, recover:", recover())
		func() {
			defer fmt.Println("inner defer")
			runtime.Goexit()
		}()
		fmt.Println("not reached")
	}()
	wg.Wait()
	fmt.Println("goroutines:", runtime.NumGoroutine())
	go func() { fmt.Println("other goroutine runs") }()
	defer fmt.Println("main deferred")
	runtime.Goexit()
}

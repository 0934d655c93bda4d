// Finalizers run on a system goroutine: runtime.NumGoroutine does not count it.
package main

import (
	"fmt"
	"runtime"
)

type T struct{ s string }

var n int

func main() {
	for i := 0; i < 5; i++ {
		p := &T{"x"}
		runtime.SetFinalizer(p, func(t *T) { n++ })
	}
	runtime.GC()
	fmt.Println("right after the collection:", runtime.NumGoroutine())
	for i := 0; i < 10 && n < 5; i++ {
		runtime.Gosched()
	}
	fmt.Println("finalized:", n, "goroutines:", runtime.NumGoroutine())
}

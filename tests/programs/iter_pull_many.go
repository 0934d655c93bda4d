// Many short-lived pull iterators: stop ends each coroutine's goroutine, so none are left.
package main

import (
	"fmt"
	"iter"
	"runtime"
)

func Naturals() iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				return
			}
		}
	}
}

func main() {
	total := 0
	for round := range 20000 {
		next, stop := iter.Pull(Naturals())
		for range round % 5 {
			v, _ := next()
			total += v
		}
		stop()
	}
	runtime.GC()
	fmt.Println(total, runtime.NumGoroutine())
	// Pulls left unstopped keep their goroutine until the sequence ends.
	var stops []func()
	for range 100 {
		next, stop := iter.Pull(Naturals())
		next()
		stops = append(stops, stop)
	}
	fmt.Println(runtime.NumGoroutine())
	for _, s := range stops {
		s()
	}
	fmt.Println(runtime.NumGoroutine())
}

package main

import (
	"fmt"
	"runtime"
)

// The errors of misbehaving iterators are runtime.Errors that a deferred recover catches
// like any other; a well-behaved iterator may also stop early or yield nothing.

func ignoresFalse(yield func(int) bool) {
	yield(1)
	yield(2)
}

var kept func(int) bool

func keeps(yield func(int) bool) {
	kept = yield
	yield(1)
}

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Printf("%s: %v (runtime.Error: %t)\n", name, r, isRuntime)
	}()
	f()
}

func empty(yield func(int) bool) {}

func main() {
	try("done", func() {
		for x := range ignoresFalse {
			fmt.Println("got", x)
			break
		}
	})
	try("exhausted", func() {
		for x := range keeps {
			fmt.Println("got", x)
		}
		kept(2)
	})
	// A returned-from body: the state says done, so calling yield again panics too.
	try("after return", func() {
		f := func() int {
			for x := range keeps {
				return x
			}
			return 0
		}
		fmt.Println("f", f())
		kept(3)
	})
	try("nested", func() {
		for x := range keeps {
			for y := range ignoresFalse {
				fmt.Println("xy", x, y)
				break
			}
		}
	})
	for x := range empty {
		fmt.Println("never", x)
	}
	fmt.Println("end")
}

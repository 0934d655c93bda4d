// gc's evaluation order in for conditions, switch tags and cases, range expressions,
// sends (select cases too) and defer's and go's arguments: the calls come first, then
// the other operands are read (the spec leaves it open; gc's order pass hoists the calls).
// For defer and go that includes the function value and the method's receiver.
package main

import "fmt"

type C struct{ n int }

func (c C) Show(x int) { fmt.Println("receiver", c.n, "arg", x) }

var calls int

func f() int { calls++; return 1 }

var empty []int

// try runs fn and says whether f ran before the index panicked.
func try(name string, fn func()) {
	before := calls
	defer func() {
		fmt.Println(name, "f ran:", calls > before, "recovered:", recover())
	}()
	fn()
}

func main() {
	x := 5
	bump := func() int { x++; return 0 }

	// A for condition, checked each iteration: x is read after bump.
	n := 0
	for x = 0; x+bump() < 4; n++ {
	}
	fmt.Println("for: iterations", n, "x", x)

	// A switch tag and a case.
	x = 5
	switch x + bump() {
	case 6:
		fmt.Println("switch tag: x read after bump")
	default:
		fmt.Println("switch tag: x read before bump")
	}
	x = 5
	switch {
	case x+bump() == 6:
		fmt.Println("switch case: x read after bump")
	default:
		fmt.Println("switch case: x read before bump")
	}

	// A send and a select send.
	ch := make(chan int, 2)
	x = 5
	ch <- x + bump()
	x = 5
	select {
	case ch <- x + bump():
	default:
	}
	fmt.Println("sends:", <-ch, <-ch)

	// A range expression.
	x = 2
	count := 0
	for range x + bump() {
		count++
	}
	fmt.Println("range: count", count)

	// defer's and go's arguments.
	func() {
		x = 5
		defer fmt.Println("defer: x", x, bump())
	}()
	done := make(chan bool)
	x = 5
	go func(v, _ int) { fmt.Println("go: x", v); done <- true }(x, bump())
	<-done

	// The receiver and the function value are read after the arguments' calls.
	func() {
		c := C{1}
		defer c.Show(func() int { c.n = 10; return 5 }())
	}()
	func() {
		fn := func(x int) { fmt.Println("old fn", x) }
		defer fn(func() int { fn = func(x int) { fmt.Println("new fn", x) }; return 7 }())
	}()

	// With an empty slice, each statement calls f before the index panics.
	try("for", func() {
		for empty[0] == f() {
		}
	})
	try("switch-tag", func() {
		switch empty[0] + f() {
		}
	})
	try("switch-case", func() {
		switch 1 {
		case empty[0] + f():
		}
	})
	try("send", func() { ch <- empty[0] + f() })
	try("select-send", func() {
		select {
		case ch <- empty[0] + f():
		default:
		}
	})
	try("range", func() {
		for range empty[0] + f() {
		}
	})
	try("defer", func() { defer fmt.Println(empty[0], f()) })
	try("go", func() { go fmt.Println(empty[0], f()) })
	fmt.Println("calls", calls)
}

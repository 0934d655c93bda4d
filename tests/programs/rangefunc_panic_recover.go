package main

import (
	"errors"
	"fmt"
)

// Panics crossing the iterator: a panic in the loop body unwinds through the iterator
// (running its defers) to the function with the loop, where a deferred recover stops it.

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator defer runs during the panic")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// An iterator that recovers a panic and panics again with more context is well behaved.
func wrapping(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer func() {
			if r := recover(); r != nil {
				panic(fmt.Sprintf("wrapped(%v)", r))
			}
		}()
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

// An iterator that panics by itself.
func failing(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if i == 2 {
				panic(errors.New("iterator failed"))
			}
			if !yield(i) {
				return
			}
		}
	}
}

func catch(name string, f func()) {
	defer func() {
		fmt.Printf("%s recovered: %v\n", name, recover())
	}()
	f()
}

func result() (r string) {
	defer func() {
		if e := recover(); e != nil {
			r = fmt.Sprint("recovered ", e)
		}
	}()
	for x := range count(5) {
		defer fmt.Println("  body defer", x)
		if x == 1 {
			panic("boom")
		}
	}
	return "normal"
}

func main() {
	catch("body", func() {
		for x := range count(3) {
			fmt.Println("body", x)
			if x == 1 {
				panic(fmt.Sprint("panic at ", x))
			}
		}
	})
	catch("wrapped", func() {
		for x := range wrapping(3) {
			if x == 2 {
				panic("inner")
			}
		}
	})
	catch("iterator", func() {
		for x := range failing(5) {
			fmt.Println("got", x)
		}
	})
	catch("nested", func() {
		for x := range count(2) {
			for y := range count(2) {
				if x == 1 && y == 1 {
					var m map[string]int
					m["x"] = 1
				}
			}
		}
	})
	catch("runtime", func() {
		s := []int{1, 2}
		for x := range count(5) {
			fmt.Println(s[x])
		}
	})
	fmt.Println(result())

	// Recovered inside the body: the loop goes on.
	for x := range count(3) {
		func() {
			defer func() { recover() }()
			if x == 1 {
				panic("ignored")
			}
			fmt.Println("body survived", x)
		}()
	}
}

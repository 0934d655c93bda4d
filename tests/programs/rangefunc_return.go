package main

import (
	"errors"
	"fmt"
)

// return from inside range-over-func loop bodies: with values, with named results, from
// nested loops, and of several values at once.

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		defer fmt.Println("  iterator", n, "returns")
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func first(n, want int) int {
	for x := range count(n) {
		if x == want {
			return x * 100
		}
	}
	return -1
}

func named(n int) (found int, err error) {
	for x := range count(n) {
		found = x
		if x == 2 {
			return // the named results as they are
		}
	}
	err = errors.New("not found")
	return
}

func pair(n int) (int, string) {
	for x := range count(n) {
		for y := range count(n) {
			if x+y == 3 {
				return x * y, fmt.Sprint(x, "+", y)
			}
		}
	}
	return 0, "none"
}

func two() (int, int) { return 7, 8 }

func multi() (a, b int) {
	for range count(1) {
		return two()
	}
	return
}

func unnamed(n int) (int, error) {
	for x := range count(n) {
		if x == 1 {
			return x, nil
		}
	}
	return 0, errors.New("short")
}

// A deferred function sees the values the body's return assigned.
func deferred() (r int) {
	defer func() { r++ }()
	for x := range count(5) {
		if x == 3 {
			return x
		}
	}
	return 0
}

func main() {
	fmt.Println(first(5, 3))
	fmt.Println(first(2, 3))
	fmt.Println(named(5))
	fmt.Println(named(1))
	fmt.Println(pair(3))
	fmt.Println(multi())
	fmt.Println(unnamed(3))
	fmt.Println(unnamed(1))
	fmt.Println(deferred())

	// In a function literal: the return leaves the literal.
	f := func() string {
		for x := range count(4) {
			if x == 2 {
				return "lit " + fmt.Sprint(x)
			}
		}
		return "no"
	}
	fmt.Println(f())

	// A bare return from main inside the loop.
	for x := range count(3) {
		if x == 1 {
			fmt.Println("returning from main")
			return
		}
	}
	fmt.Println("not reached")
}

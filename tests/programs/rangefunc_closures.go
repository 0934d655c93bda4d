package main

import (
	"fmt"
	"sync"
)

// Closures in range-over-func loop bodies: each iteration has its own variables (they are
// the body function's parameters), outer variables are shared, and the iteration
// variables' addresses differ per iteration.

func count(n int) func(func(int) bool) {
	return func(yield func(int) bool) {
		for i := range n {
			if !yield(i) {
				return
			}
		}
	}
}

func kv() func(func(string, int) bool) {
	return func(yield func(string, int) bool) {
		_ = yield("a", 1) && yield("b", 2) && yield("c", 3)
	}
}

func main() {
	var fs []func() int
	for x := range count(3) {
		y := x * x
		fs = append(fs, func() int { return x*10 + y })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var ptrs []*int
	for x := range count(3) {
		ptrs = append(ptrs, &x)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2], ptrs[0] != ptrs[1])

	// Modifying the iteration variable changes only this iteration's copy.
	for x := range count(3) {
		x *= 100
		fmt.Print(x, " ")
	}
	fmt.Println()

	// Outer variables are shared by all iterations and closures.
	total := 0
	var adders []func()
	for k, v := range kv() {
		total += v
		adders = append(adders, func() { total += v; fmt.Print(k) })
	}
	for _, a := range adders {
		a()
	}
	fmt.Println(" total", total)

	// An assigned (not declared) variable is the outer one.
	var last string
	var seen []func() string
	for last = range kv() {
		seen = append(seen, func() string { return last })
	}
	fmt.Println(seen[0](), seen[2](), last)

	// Goroutines started in the body.
	var wg sync.WaitGroup
	res := make([]int, 4)
	for x := range count(4) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[x] = x * 3
		}()
	}
	wg.Wait()
	fmt.Println(res)

	// A closure made in the body that ranges over a function itself.
	var sums []func() int
	for n := range count(4) {
		sums = append(sums, func() int {
			s := 0
			for i := range count(n) {
				s += i
			}
			return s
		})
	}
	for _, f := range sums {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}

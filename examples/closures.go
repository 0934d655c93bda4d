// closures.go — functions as values, closures capturing and modifying
// variables, generators, and per-iteration loop variables (Go 1.22+).
package main

import "fmt"

func makeCounter() func() int {
	count := 0
	return func() int {
		count++
		return count
	}
}

func memoize(f func(int) int) func(int) int {
	cache := map[int]int{}
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n)
		cache[n] = v
		return v
	}
}

func main() {
	c1, c2 := makeCounter(), makeCounter()
	fmt.Println(c1(), c1(), c1(), c2())

	calls := 0
	slowSquare := func(n int) int { calls++; return n * n }
	fast := memoize(slowSquare)
	for _, n := range []int{4, 4, 5, 4, 5} {
		fmt.Print(fast(n), " ")
	}
	fmt.Println("calls:", calls)

	var printers []func()
	for i := 0; i < 3; i++ {
		printers = append(printers, func() { fmt.Print(i, " ") })
	}
	for _, p := range printers {
		p()
	}
	fmt.Println("(each closure saw its own i)")
}

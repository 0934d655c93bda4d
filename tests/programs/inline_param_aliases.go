package main

import "fmt"

// Small functions inlined at their calls: a parameter the body only reads is the caller's
// variable itself; one the body changes gets its own copy.

type point struct{ x, y int }

func sum(a, b int) int { return a + b }

func bump(n int) int {
	n++
	return n * 2
}

func scaled(p point, k int) point {
	p.x *= k
	return p
}

func first(a [3]int) int {
	a[0] += 100
	return a[0]
}

func area(p point) int { return p.x * p.y }

func twice(f func(int) int, v int) int { return f(f(v)) }

func nested(a, b int) int { return sum(a, b) * sum(b, a) }

func later(v int, g func() int) int { return v + g() }

func main() {
	x, y := 3, 4
	fmt.Println(sum(x, y), sum(x, x), bump(x), x)
	x = sum(x, y)
	fmt.Println(x)

	p := point{2, 5}
	q := scaled(p, 3)
	fmt.Println(p, q, area(p), area(q))

	arr := [3]int{1, 2, 3}
	fmt.Println(first(arr), arr)

	fmt.Println(twice(func(v int) int { return v + 1 }, x), nested(x, y))

	// The inlined body calls g, a closure that changes c: v must still be c's value at
	// the call.
	c := 10
	inc := func() int { c++; return c }
	fmt.Println(later(c, inc), c)
	// Also when the closure is only ever called (gc inlines it, so d is not address-taken
	// in gc's sense): it still writes d through its address.
	d := 10
	incD := func() int { d++; return d }
	wrap := func() int { return incD() }
	fmt.Println(later(d, wrap), d)

	for i := range 3 {
		fmt.Print(bump(i), " ", i, " ")
	}
	fmt.Println()
}

// Tuple assignments: Go evaluates every right side before assigning any left side.
// gosub assigns one after the other only when that cannot be told apart.
package main

import "fmt"

type pair struct{ a, b int }

func main() {
	// Independent right sides: assigned in sequence.
	lo, hi := 0, 9
	for lo < hi {
		lo, hi = lo+1, hi-1
	}
	fmt.Println(lo, hi)

	// A right side reads an earlier left side: the two phases.
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)
	a, b = a+b, a
	fmt.Println(a, b)
	x, y, z := 1, 2, 3
	x, y, z = y+z, z+x, x+y
	fmt.Println(x, y, z)

	// A right side that panics: nothing is assigned.
	p, q := 5, 0
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		p, q = p+1, p/q
	}()
	fmt.Println(p, q)
	s := uint(70)
	func() {
		defer func() { recover() }()
		n := -1
		p, s = p*2, s<<n
	}()
	fmt.Println(p, s)

	// A comparison that panics (uncomparable values in interfaces): nothing is assigned.
	t, u := false, false
	func() {
		defer func() { fmt.Println("recovered:", recover()) }()
		var i, j any = []int{1}, []int{1}
		t, u = true, i == j
	}()
	fmt.Println(t, u)

	// Through a pointer: the right side sees the variable as it was.
	m, n := 10, 20
	ptr := &m
	m, n = m+1, *ptr
	fmt.Println(m, n)

	// Fields and elements keep Go's order too.
	v := pair{1, 2}
	v.a, v.b = v.b, v.a
	xs := []int{1, 2, 3}
	i := 0
	i, xs[i] = 1, 9
	fmt.Println(v, xs, i)
}

// Words in memory incremented in place (`*p += x`, `s.f++`, `c.n -= k`), float
// accumulations (`acc += a * b`), and loops that run in the interpreter's inner loop:
// young, old and stack objects, a pointer that aliases a local, a jump into the middle
// of a fused sequence (a loop whose body starts at the add), and a nil pointer whose
// fault is reported at the statement that dereferences it.
package main

import (
	"fmt"
	"runtime"
)

type T struct {
	a, b int
	f    float64
}

var sink []*T

func bump(p *int, by int) {
	*p += by
	*p++
}

func main() {
	x := 10
	bump(&x, 5)
	fmt.Println("x", x)

	t := &T{a: 1, b: 2}
	sink = append(sink, t)
	for i := 0; i < 1000; i++ {
		t.a += i
		t.b++
		t.b -= 3
	}
	fmt.Println("young", t.a, t.b)

	runtime.GC() // t is old now
	for i := 0; i < 1000; i++ {
		t.a += i
		t.b++
	}
	fmt.Println("old", t.a, t.b)

	// A pointer to a local that is also read directly.
	n := 0
	p := &n
	for i := 0; i < 5; i++ {
		*p += n + 1
	}
	fmt.Println("aliased", n)

	// Float accumulation: each product rounded before the add.
	xs := []float64{0.1, 0.2, 0.3, 1e16, -1e16, 3}
	acc := 0.0
	for i, v := range xs {
		acc += v * xs[len(xs)-1-i]
	}
	fmt.Println("acc", acc)

	// A loop whose back edge lands on the add of a sequence.
	s := []int{3, 1, 4, 1, 5, 9, 2, 6}
	m := &T{}
	for _, v := range s {
		m.a += v
	}
	fmt.Println("sum", m.a)

	// Strings indexed and sliced in a loop, then bytes counted.
	str := "gopher, gopher, gopher"
	count := 0
	for i := 0; i+6 <= len(str); i++ {
		if str[i:i+6] == "gopher" {
			count++
		}
	}
	h := 0
	for i := 0; i < len(str); i++ {
		h = (h*31 + int(str[i])) & 0xffff
	}
	fmt.Println("count", count, "hash", h)

	var q *T
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	q.b++
	fmt.Println("unreachable")
}

// Cycles (collected when unreachable, kept when reachable) and closures over
// captured variables that move between spaces.
package main

import (
	"fmt"
	"runtime"
)

type Ring struct {
	Next *Ring
	Prev *Ring
	V    int
}

func ring(n int) *Ring {
	first := &Ring{V: 0}
	cur := first
	for i := 1; i < n; i++ {
		r := &Ring{V: i, Prev: cur}
		cur.Next = r
		cur = r
	}
	cur.Next = first
	first.Prev = cur
	return first
}

func counter() (func() int, func() int) {
	n := 0
	big := make([]int, 10)
	return func() int { n++; big[n%10]++; return n }, func() int { return n + big[0] }
}

func main() {
	keep := ring(1000)
	for i := 0; i < 200; i++ {
		_ = ring(500) // unreachable cycles
	}
	runtime.GC()
	s := 0
	r := keep
	for i := 0; i < 1000; i++ {
		s += r.V
		r = r.Next
	}
	back := 0
	for i := 0; i < 1000; i++ {
		r = r.Prev
		back += r.V
	}
	fmt.Println("ring", s, back, r == keep)

	var incs []func() int
	var gets []func() int
	for i := 0; i < 1000; i++ {
		inc, get := counter()
		incs = append(incs, inc)
		gets = append(gets, get)
	}
	for round := 0; round < 20; round++ {
		for _, f := range incs {
			f()
		}
		_ = make([]byte, 200000)
	}
	t := 0
	for _, g := range gets {
		t += g()
	}
	fmt.Println("closures", t)
}

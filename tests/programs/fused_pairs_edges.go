// Instructions fused in pairs (two loads, two stores, two element reads or addresses,
// two increments, two moves) where the pair cannot run whole: the second half reads a
// package variable, an index out of range in the second half, and pairs in straight-line
// code that runs before any loop.
package main

import "fmt"

type P struct{ x, y int }

var g = P{7, 8}

func swapAt(s []int, i, j int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	s[i], s[j] = s[j], s[i]
	return fmt.Sprint(s)
}

func pick(s []int, i, j int) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	a, b := s[i], s[j]
	return fmt.Sprint(a, b)
}

func main() {
	p := &P{1, 2}
	q := &g
	a, b := p.x, q.y
	p.x, q.y = b, a
	fmt.Println(a, b, p.x, q.y, g)

	s := []int{10, 20, 30, 40}
	fmt.Println(swapAt(s, 0, 3))
	fmt.Println(swapAt(s, 1, 9))
	fmt.Println(swapAt(s, 7, 2))
	fmt.Println(pick(s, 2, 1))
	fmt.Println(pick(s, 2, 4))

	sum := 0
	for i := 0; i < 100; i++ {
		x, y := p.x, g.x
		sum += x + y
		g.x, p.y = p.y, g.x+1
	}
	fmt.Println(sum, g, *p)

	lo, hi := 0, len(s)-1
	for lo < hi {
		s[lo], s[hi] = s[hi], s[lo]
		lo, hi = lo+1, hi-1
	}
	fmt.Println(s, lo, hi)
}

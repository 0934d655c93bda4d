// Slicing to capacity 0 keeps the slice's old pointer, as gc's code does
// (the result never points one past the end of its backing array); with
// capacity left, the pointer moves to the new first element.
package main

import "fmt"

type node struct {
	n   int
	buf [4]byte
}

func main() {
	a := make([]int, 3, 3)
	tail := a[3:]
	fmt.Println(len(tail), cap(tail), fmt.Sprintf("%p", tail) == fmt.Sprintf("%p", a))
	full := a[1:1:1]
	fmt.Println(len(full), cap(full), fmt.Sprintf("%p", full) == fmt.Sprintf("%p", a))

	b := make([]int, 3, 4)
	rest := b[3:]
	fmt.Println(len(rest), cap(rest), fmt.Sprintf("%p", rest) == fmt.Sprintf("%p", &b[1:4][2]))

	p := &node{n: 1}
	end := p.buf[4:]
	fmt.Println(len(end), cap(end), fmt.Sprintf("%p", end) == fmt.Sprintf("%p", &p.buf))

	// A queue drained from the front: its empty remainder still prints as [].
	q := []string{"x", "y"}
	for len(q) > 0 {
		fmt.Print(q[0], " ")
		q = q[1:]
	}
	fmt.Println(q, len(q), cap(q))
}

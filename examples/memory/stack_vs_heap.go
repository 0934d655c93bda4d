// Stack vs heap: a value that does not outlive its function stays in the function's
// frame; one whose address outlives the call is "moved to heap" by the escape analysis.
// `gosub build -m stack_vs_heap.go` prints the decisions, as `go build -gcflags=-m` does.
package main

import "fmt"

type point struct{ x, y int }

// sum's p lives in sum's frame: nothing refers to it after the return.
func sum(a, b int) int {
	p := point{a, b}
	return p.x + p.y
}

// newPoint returns the address of its local, so p must live on the heap.
func newPoint(a, b int) *point {
	p := point{a, b}
	return &p
}

// scale takes a pointer but does not keep it: the caller's value can stay in its frame.
func scale(p *point, k int) {
	p.x *= k
	p.y *= k
}

func main() {
	fmt.Println(sum(1, 2))
	q := newPoint(3, 4)
	fmt.Println(q.x, q.y)
	r := point{5, 6}
	scale(&r, 10)
	fmt.Println(r.x, r.y)
}

// Deep linked lists and trees that live across many minor and major collections.
package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type Tree struct {
	L, R *Tree
	V    int
}

func build(d, v int) *Tree {
	if d == 0 {
		return &Tree{V: v}
	}
	return &Tree{L: build(d-1, 2*v), R: build(d-1, 2*v+1), V: v}
}

func (t *Tree) sum() int {
	if t == nil {
		return 0
	}
	return t.V + t.L.sum() + t.R.sum()
}

func main() {
	var head *Node
	for i := 0; i < 50000; i++ {
		head = &Node{Val: i, Next: head}
		if i%250 == 0 {
			_ = make([]byte, 5000) // garbage between the nodes
		}
	}
	n, s := 0, 0
	for p := head; p != nil; p = p.Next {
		n++
		s += p.Val
	}
	fmt.Println("list", n, s)

	keep := build(13, 1)
	total := 0
	for r := 0; r < 20; r++ {
		t := build(10, r)
		total += t.sum()
	}
	fmt.Println("trees", keep.sum(), total)
	// The old list is still intact after all that.
	n = 0
	for p := head; p != nil; p = p.Next {
		n++
	}
	fmt.Println("list again", n)
}

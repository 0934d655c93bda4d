package main

import "fmt"

type node struct {
	val         int
	left, right *node
}

func mk(v int) *node { return &node{val: v, left: &node{val: v + 1}} }

func main() {
	root := mk(1)
	total := 0
	for i := 0; i < 20000; i++ {
		n := mk(i)
		// The pointer n is read, then a call allocates (a safepoint), then n is read again.
		total += n.val + mk(i).left.val + n.left.val
		root.right = n
		root = n
	}
	fmt.Println(total, root.val, root.left.val)
}

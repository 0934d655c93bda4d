package main

type Node struct {
	v    int
	next *Node
}

func push(h *Node, v int) *Node { return &Node{v, h} }

func main() {
	var h *Node
	for i := 0; i < 3; i++ {
		h = push(h, i)
	}
	println(h.v)
}

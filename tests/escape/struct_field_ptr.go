package main

type Node struct {
	v    int
	next *Node
}

func main() {
	a := &Node{v: 1}
	b := &Node{v: 2, next: a}
	println(b.next.v)
}

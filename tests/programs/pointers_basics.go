package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func main() {
	x := 10
	p := &x
	*p = 20
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	var np *int
	fmt.Println(np == nil)
	pp := &p
	**pp = 5
	fmt.Println(x)
	n := &Node{Val: 1}
	n.Next = &Node{Val: 2}
	n.Next.Next = &Node{3, nil}
	for c := n; c != nil; c = c.Next {
		fmt.Print(c.Val, " ")
	}
	fmt.Println()
	a, b := new(int), new(int)
	fmt.Println(a == b, *a == *b)
	s := new([]string)
	*s = append(*s, "hi")
	fmt.Println(*s, len(*s))
}

package main

import "fmt"

type Point struct{ X, Y int }

type Node struct {
	v    int
	next *Node
}

var global *Point
var keep []*int

func retLocal(v int) *int {
	x := v
	return &x
}

func store(p *Point) { global = p }

func deep1(p *int) { deep2(p) }
func deep2(p *int) { deep3(p) }
func deep3(p *int) { keep = append(keep, p) }

func counter() func() int {
	n := 0
	return func() int { n++; return n }
}

func build(n int) *Node {
	var h *Node
	for i := 0; i < n; i++ {
		h = &Node{i, h}
	}
	return h
}

type Box struct{ p *Point }

func main() {
	var ps []*int
	for i := 0; i < 100; i++ {
		ps = append(ps, retLocal(i))
	}
	for i := 0; i < 100; i++ {
		q := Point{i, -i}
		store(&q)
	}
	for i := 0; i < 50; i++ {
		v := i * 3
		deep1(&v)
	}
	c := counter()
	for i := 0; i < 10; i++ {
		c()
	}
	var fs []func() int
	for i := 0; i < 5; i++ {
		fs = append(fs, func() int { return i * i })
	}
	b := &Box{}
	for i := 0; i < 20; i++ {
		pt := Point{i, i}
		b.p = &pt
	}
	h := build(1000)
	junk := 0
	for i := 0; i < 20000; i++ {
		s := make([]int, 16)
		junk += len(s)
	}
	sum := 0
	for _, p := range ps {
		sum += *p
	}
	for _, p := range keep {
		sum += *p
	}
	for _, f := range fs {
		sum += f()
	}
	n := 0
	for x := h; x != nil; x = x.next {
		n++
	}
	local := 0
	for i := 0; i < 1000; i++ {
		p := &Point{i, 1}
		local += p.X * p.Y
	}
	fmt.Println(sum, c(), global.X, global.Y, b.p.X, n, junk, local)
}

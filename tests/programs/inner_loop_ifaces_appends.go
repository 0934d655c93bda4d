// Interface assertions, conversions and type switches, and appends within capacity, in
// tight loops: elements of every width, strings and slices, pointers appended to an old
// backing array (which must stay visible to the collector), a nil interface converted,
// and an assertion that fails with and without ok.
package main

import (
	"fmt"
	"runtime"
)

type Shape interface{ Area() int }
type Named interface{ Name() string }

type Sq struct{ s int }
type Pt struct{ x, y int }
type Big struct{ a, b, c, d int }

func (q Sq) Area() int     { return q.s * q.s }
func (q Sq) Name() string  { return "sq" }
func (p *Pt) Area() int    { return p.x * p.y }
func (b Big) Area() int    { return b.a + b.b + b.c + b.d }
func (b Big) Name() string { return "big" }

type node struct {
	v    int
	next *node
}

func main() {
	shapes := []Shape{Sq{3}, &Pt{2, 5}, Big{1, 2, 3, 4}, nil, Sq{4}}
	names, areas, sqs, bigs, nils := 0, 0, 0, 0, 0
	for i := 0; i < 1000; i++ {
		s := shapes[i%len(shapes)]
		if n, ok := s.(Named); ok {
			names += len(n.Name())
		}
		if q, ok := s.(Sq); ok {
			sqs += q.s
		}
		if b, ok := s.(Big); ok {
			bigs += b.d
		}
		var e any = s
		if e == nil {
			nils++
		}
		switch v := e.(type) {
		case Sq:
			areas += v.Area()
		case *Pt:
			areas += v.x
		case nil:
			areas--
		}
	}
	fmt.Println(names, areas, sqs, bigs, nils)

	var ns Named
	var sh Shape = ns2shape(ns)
	fmt.Println(sh == nil)

	b := make([]byte, 0, 64)
	h := make([]int16, 0, 64)
	w := make([]int32, 0, 64)
	ss := make([]string, 0, 64)
	sl := make([][]int, 0, 64)
	for i := 0; i < 60; i++ {
		b = append(b, byte('a'+i%26))
		h = append(h, int16(-i*300))
		w = append(w, int32(i*100000))
		ss = append(ss, fmt.Sprint(i))
		sl = append(sl, []int{i, i * i})
	}
	fmt.Println(string(b[:30]), h[59], w[59], ss[42], sl[7], len(sl), cap(sl))

	// Pointers appended into a backing array that is old by then.
	keep := make([]*node, 0, 2000)
	runtime.GC()
	for i := 0; i < 2000; i++ {
		keep = append(keep, &node{v: i})
		if i%500 == 0 {
			runtime.GC()
		}
	}
	runtime.GC()
	sum := 0
	for _, n := range keep {
		sum += n.v
	}
	fmt.Println("kept", len(keep), sum)

	defer func() { fmt.Println("recovered:", recover()) }()
	for i := 0; i < 10; i++ {
		_ = shapes[i].(Sq)
	}
}

func ns2shape(n Named) Shape {
	s, _ := n.(Shape)
	return s
}

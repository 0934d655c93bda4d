package main

import "fmt"

type Point struct{ X, Y int }

type Line struct {
	A, B  Point
	Label string
}

func main() {
	p := Point{1, 2}
	q := p
	q.X = 10
	fmt.Println(p, q, p == q, p == Point{1, 2})
	l1 := Line{Point{0, 0}, Point{1, 1}, "diag"}
	l2 := l1
	fmt.Println(l1 == l2)
	l2.B.Y = 5
	fmt.Println(l1 == l2, l1.B, l2.B)
	arr := [2]Point{p, q}
	arr2 := arr
	arr2[0].Y = 99
	fmt.Println(arr, arr2)
	ps := []Point{p}
	for _, pt := range ps {
		pt.X = 1000
	}
	fmt.Println(ps)
	for i := range ps {
		ps[i].X = 1000
	}
	fmt.Println(ps)
}

package main

import "fmt"

type Box[T any] struct{ v T }

func NewBox[T any](v T) *Box[T] { return &Box[T]{v: v} }

func (b *Box[T]) Get() T { return b.v }

func Keep[T any](x T) *T { return &x }

func Fill[T any](n int, v T) []T {
	s := make([]T, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func Sum[T int | float64](xs []T) T {
	var t T
	for _, x := range xs {
		t += x
	}
	return t
}

type Point struct{ X, Y int }

func main() {
	b := NewBox(1)
	s := NewBox("a")
	p := Keep(2)
	q := Keep(Point{1, 2})
	fmt.Println(b.Get(), s.Get(), *p, *q)
	fmt.Println(len(Fill(3, 1.5)), Sum([]int{1, 2}), Sum([]float64{0.5}))
	local := Fill(2, "x")
	_ = local
}

// Method constraints: calling methods through a type parameter, and the pointer-method
// pattern `[T any, PT interface{ *T; Set(string) }]` whose core type lets PT be inferred.
package main

import (
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }

func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }
func (c Circle) Area() float64 { return 3 * c.R * c.R }
func (c Circle) Name() string  { return "circle" }

func Largest[S Shape](xs []S) S {
	best := xs[0]
	for _, x := range xs[1:] {
		if x.Area() > best.Area() {
			best = x
		}
	}
	return best
}

type Setter[T any] interface {
	*T
	Set(string)
}

type Name struct{ v string }

func (n *Name) Set(s string) { n.v = strings.ToUpper(s) }

type Count struct{ n int }

func (c *Count) Set(s string) { c.n = len(s) }

func FromStrings[T any, PT Setter[T]](ss []string) []T {
	out := make([]T, len(ss))
	for i, s := range ss {
		PT(&out[i]).Set(s)
	}
	return out
}

func main() {
	fmt.Println(Largest([]Rect{{1, 2}, {3, 1}, {2, 2}}))
	fmt.Println(Largest([]Shape{Rect{1, 1}, Circle{1}, Rect{2, 1}}).Name())
	fmt.Println(FromStrings[Name]([]string{"ab", "cd"}))
	fmt.Println(FromStrings[Count]([]string{"x", "yyy"}))
}

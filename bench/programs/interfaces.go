// interfaces: method calls through an interface over several dynamic types, type switches.
package main

import "fmt"

type Shape interface {
	Area() float64
	Sides() int
}

type Rect struct{ W, H float64 }
type Square struct{ S float64 }
type Tri struct{ B, H float64 }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Sides() int       { return 4 }
func (s *Square) Area() float64 { return s.S * s.S }
func (s *Square) Sides() int    { return 4 }
func (t Tri) Area() float64     { return t.B * t.H / 2 }
func (t Tri) Sides() int        { return 3 }

func main() {
	shapes := []Shape{Rect{2, 3}, &Square{1.5}, Tri{4, 5}, Rect{1, 1}}
	area := 0.0
	sides := 0
	tris := 0
	for i := 0; i < 40000000; i++ {
		s := shapes[i%len(shapes)]
		area += s.Area()
		sides += s.Sides()
		switch s.(type) {
		case Tri:
			tris++
		}
	}
	fmt.Printf("%.1f %d %d\n", area, sides, tris)
}

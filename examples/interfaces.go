// interfaces.go — implicit interface satisfaction, dynamic dispatch, type
// assertions with comma-ok, type switches, and the nil-pointer-in-interface trap.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Name() string
}

type Circle struct{ R float64 }
type Rect struct{ W, H float64 }

func (c Circle) Area() float64 { return math.Pi * c.R * c.R }
func (c Circle) Name() string  { return "circle" }
func (r Rect) Area() float64   { return r.W * r.H }
func (r Rect) Name() string    { return "rect" }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case Shape:
		return fmt.Sprintf("a %s with area %.2f", x.Name(), x.Area())
	case int, float64:
		return fmt.Sprintf("the number %v", x)
	default:
		return fmt.Sprintf("something of type %T", x)
	}
}

func main() {
	shapes := []Shape{Circle{1}, Rect{2, 3}, Circle{0.5}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	fmt.Printf("total area %.3f\n", total)

	for _, v := range []any{Rect{1, 1}, 42, 2.5, "hi", nil} {
		fmt.Println(describe(v))
	}

	var s Shape = Circle{2}
	if c, ok := s.(Circle); ok {
		fmt.Println("radius", c.R)
	}
	_, isRect := s.(Rect)
	fmt.Println("is rect?", isRect)

	var err error
	var p *myErr
	fmt.Println(err == nil, p == nil)
	err = p
	fmt.Println("interface holding nil pointer is nil?", err == nil)
}

type myErr struct{}

func (*myErr) Error() string { return "my error" }

package main

import "fmt"

type Shape interface {
	Area() float64
}

type Square struct{ S float64 }

func (s Square) Perimeter() float64 { return 4 * s.S }

func main() {
	var v any = Square{2}
	fmt.Println(v.(Square).Perimeter())
	sh := v.(Shape)
	fmt.Println(sh.Area())
}

// How instantiated types print: %T and %v of generic types with basic, named, composite
// and nested type arguments, as the runtime names them.
package main

import "fmt"

type Box[T any] struct{ V T }
type Pair[K comparable, V any] struct {
	K K
	V V
}
type Point struct{ X, Y int }
type Matrix[T any] [][]T
type Opt[T any] *T

func main() {
	vals := []any{
		Box[int]{1},
		Box[string]{"s"},
		&Box[Point]{Point{1, 2}},
		Box[[]int]{[]int{1}},
		Box[map[string]int]{},
		Pair[string, Box[bool]]{"k", Box[bool]{true}},
		Box[Box[int]]{},
		Matrix[float64]{{1, 2}},
		Box[func(int) string]{},
		Box[*Point]{},
		Box[any]{nil},
		Box[error]{},
		[]Box[int8]{{1}},
		map[Box[int]]Pair[int, int]{},
		Box[chan<- int]{},
		Box[struct{ A int }]{},
		Box[[2]uint]{},
	}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	fmt.Printf("%v %+v\n", Pair[string, Box[bool]]{"k", Box[bool]{true}}, &Box[Point]{Point{1, 2}})
}

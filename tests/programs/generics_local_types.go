// Generic types declared inside functions, generic code declaring local types, and zero
// values of type parameters.
package main

import "fmt"

func Zeros[T any]() (T, *T, []T, map[string]T) {
	var z T
	return z, new(T), make([]T, 2), map[string]T{}
}

func Wrap[T any](v T) any {
	type wrapper struct {
		V T
		N int
	}
	return wrapper{v, 1}
}

func main() {
	type Opt[T any] struct {
		v  T
		ok bool
	}
	some := func(v int) Opt[int] { return Opt[int]{v, true} }
	fmt.Println(some(3), Opt[string]{})
	a, b, c, d := Zeros[float64]()
	fmt.Println(a, *b, c, d, len(d))
	s, p, _, _ := Zeros[string]()
	fmt.Printf("%q %q\n", s, *p)
	x, _, _, _ := Zeros[*int]()
	fmt.Println(x == nil)
	fmt.Printf("%v %+v\n", Wrap(1), Wrap("s"))
}

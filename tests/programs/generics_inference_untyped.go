// Type inference from untyped constants: the default type, and the "largest" kind
// among several untyped arguments (Go 1.21).
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64 | ~rune
}

func Max[T Number](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Sum[T Number](xs ...T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Show[T any](x T) string { return fmt.Sprintf("%T(%v)", x, x) }

type Meters float64

func main() {
	fmt.Println(Show(Max(1, 2)))
	fmt.Println(Show(Max(1, 2.5)))
	fmt.Println(Show(Max('a', 1)))
	fmt.Println(Show(Sum(1, 2, 3)))
	fmt.Println(Show(Sum(1, 2.25, 'x')))
	var m Meters = 3
	fmt.Println(Show(Max(m, 10)))
	fmt.Println(Show(Max(int64(7), 3)))
	fmt.Println(Show("s"), Show(true), Show(1 == 1))
	fmt.Println(Show(Sum[float64]()))
}

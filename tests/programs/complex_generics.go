package main

import "fmt"

type Complex interface {
	~complex64 | ~complex128
}

type Number interface {
	~int | ~float64 | ~complex128
}

type Amp complex64

func Dot[T Complex](xs, ys []T) T {
	var s T
	for i := range xs {
		s += xs[i] * ys[i]
	}
	return s
}

func Horner[T Number](coef []T, x T) T {
	var r T
	for i := len(coef) - 1; i >= 0; i-- {
		r = r*x + coef[i]
	}
	return r
}

func Index[T comparable](xs []T, v T) int {
	for i, x := range xs {
		if x == v {
			return i
		}
	}
	return -1
}

type Pair[T any] struct{ A, B T }

func (p Pair[T]) Swap() Pair[T] { return Pair[T]{p.B, p.A} }

func Map[T, U any](xs []T, f func(T) U) []U {
	var out []U
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Unit[T Complex]() T { return T(1i) }

// Complex types as type arguments: arithmetic and == on type parameters, inference
// from complex arguments and untyped complex constants, generic types.
func main() {
	fmt.Println(Dot([]complex128{1, 1i}, []complex128{1i, 1i}))
	fmt.Println(Dot([]Amp{1 + 1i, 2}, []Amp{1 - 1i, 0.5}))
	fmt.Println(Horner([]complex128{1, 0, 1}, 1i), Horner([]float64{1, 2, 3}, 2), Horner([]int{1, 1}, 5))
	fmt.Println(Horner([]complex128{1, 2}, 3)) // untyped 3 becomes complex128
	fmt.Println(Index([]complex64{1, 2i, 3}, 2i), Index([]any{1, 1i}, any(1i)))
	p := Pair[complex128]{1i, 2}
	fmt.Printf("%v %v %T\n", p, p.Swap(), p)
	fmt.Println(Map([]complex128{3 + 4i, 1}, func(z complex128) float64 { return real(z) * imag(z) }))
	fmt.Println(Unit[complex64](), Unit[Amp](), Unit[complex128]()*Unit[complex128]())
}

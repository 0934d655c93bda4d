// Inference uses untyped constant arguments last, only for type parameters still unknown
// after the typed arguments and the constraints' core types (types2's infer.go, step 3):
// in index(temps, 21.5) with S ~[]E, E is Celsius (from temps), not float64 (from 21.5).
package main

import "fmt"

type Celsius float64

type Temps []Celsius

func index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if s[i] == v {
			return i
		}
	}
	return -1
}

func insert[S ~[]E, E any](s S, i int, v ...E) S {
	s = append(s[:i], append(v, s[i:]...)...)
	return s
}

// fill has no typed argument for E: the constant decides it.
func fill[E any](n int, v E) []E {
	out := make([]E, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func main() {
	temps := Temps{19, 21.5, 23}
	fmt.Println(index(temps, 21.5), index(temps, 40))
	more := insert(temps, 1, 20, 20.5)
	fmt.Printf("%T %v\n", more, more)
	fmt.Printf("%T %T %T %T\n", fill(3, 7), fill(2, 'x'), fill(2, 1.5), fill(1, "s"))
	fmt.Println(fill(3, 7), fill(2, 'x'), fill(2, 1.5), fill(1, "s"))
}

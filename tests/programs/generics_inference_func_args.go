// Go 1.21: a generic function passed as an argument, to an ordinary or a generic
// function, gets its type arguments from the parameter's function type.
package main

import (
	"fmt"
	"strings"
)

func Compare[T int | string | float64](a, b T) int {
	if a < b {
		return -1
	}
	if a > b {
		return 1
	}
	return 0
}

func SortFunc[S ~[]E, E any](s S, cmp func(a, b E) int) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && cmp(s[j-1], s[j]) > 0; j-- {
			s[j-1], s[j] = s[j], s[j-1]
		}
	}
}

func Apply[T any](x T, f func(T) T) T { return f(x) }

func Neg[T int | float64](x T) T { return -x }

func Upper[S ~string](s S) S { return S(strings.ToUpper(string(s))) }

type Tag string

func each(xs []string, f func(string) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

func main() {
	s := []string{"b", "c", "a"}
	SortFunc(s, Compare)
	fs := []float64{2.5, -1, 0}
	SortFunc(fs, Compare)
	xs := []int{3, 1, 2}
	SortFunc(xs, Compare[int])
	fmt.Println(s, fs, xs)
	fmt.Println(Apply(2.5, Neg), Apply(3, Neg[int]), Apply(Tag("x"), Upper))
	fmt.Println(each([]string{"go", "vm"}, Upper))
}

// Go 1.21: a generic function used as a function value takes its type arguments from
// the function type it is assigned or passed to.
package main

import "fmt"

func Neg[T ~int | ~float64](x T) T { return -x }

func Twice[T any](f func(T) T, x T) T { return f(f(x)) }

func apply(f func(int) int, x int) int { return f(x) }

func Ident[T any](x T) T { return x }

type Op func(float64) float64

func main() {
	var f func(float64) float64 = Neg
	fmt.Println(f(2.5))
	fmt.Println(apply(Neg, 3), apply(Ident, 4))
	var op Op = Neg
	fmt.Println(op(1))
	fs := []func(string) string{Ident[string], func(s string) string { return s + "!" }}
	for _, g := range fs {
		fmt.Print(g("hi"), " ")
	}
	fmt.Println()
	fmt.Println(Twice(Neg[int], 5), Twice(func(s string) string { return s + s }, "ab"))
	m := map[string]func(int) int{"neg": Neg[int], "id": Ident[int]}
	fmt.Println(m["neg"](7), m["id"](7))
}

// A type parameter with no argument to infer it from is inferred from its constraint
// only when the constraint is a single type without ~ (types2's coreTerm): P *T gives
// P = *T, and T MyInt gives MyInt itself; the constraint's core type still refines a
// type parameter that is known (S = Names makes E = string).
package main

import "fmt"

type MyInt int

func addr[T any, P *T](v T) P {
	return &v
}

func zero[T MyInt]() T {
	var z T
	return z + 41
}

func elems[S ~[]E, E any](s S) []E {
	return append([]E(nil), s...)
}

type Names []string

func main() {
	p := addr(42)
	fmt.Printf("%T %d\n", p, *p)
	q := addr("go")
	fmt.Printf("%T %s\n", q, *q)
	fmt.Printf("%T %v\n", zero(), zero())
	fmt.Printf("%T %v\n", elems(Names{"a", "b"}), elems(Names{"a", "b"}))
}

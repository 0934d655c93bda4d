// Constraint type inference: S ~[]E gives E from S, and keeps S's named slice type.
package main

import (
	"fmt"
	"sort"
)

type Ints []int

func (s Ints) Sum() int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S{}, s...)
}

func SortedCopy[S ~[]E, E int | string | float64](s S) S {
	c := Clone(s)
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	return c
}

func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	r := make([]K, 0, len(m))
	for k := range m {
		r = append(r, k)
	}
	return r
}

type Ages map[string]int

func PtrTo[P ~*T, T any](p P) T { return *p }

func main() {
	a := Ints{3, 1, 2}
	b := Clone(a)
	b[0] = 9
	fmt.Printf("%v %v %T %d\n", a, b, b, b.Sum())
	s := SortedCopy(a)
	fmt.Printf("%v %T\n", s, s)
	fmt.Println(SortedCopy([]string{"b", "c", "a"}))
	ks := Keys(Ages{"bob": 3, "al": 5})
	sort.Strings(ks)
	fmt.Println(ks)
	x := 42
	fmt.Println(PtrTo(&x))
	fmt.Println(Clone[[]int](nil) == nil)
}

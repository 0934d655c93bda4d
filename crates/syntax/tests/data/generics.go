// Generics syntax: gosub parses all of this (the checker then reports that generics are not
// supported yet). gc accepts this file (go vet).
package main

import (
	"cmp"
	"fmt"
)

type C int

// Functions with several type parameters and constraints.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Keys[K comparable, V any](m map[K]V) []K {
	var ks []K
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func Max[T cmp.Ordered](a, b T) T {
	if a > b {
		return a
	}
	return b
}

func Join[S ~[]E, E ~int | ~string](s S) E {
	var z E
	for _, e := range s {
		z += e
	}
	return z
}

func Ptr[P *C, Q interface{ *C }](p P) Q { return Q(p) }

// Constraint interfaces.
type Number interface {
	~int | ~int64 | float64
}

type Stringish interface {
	~int
	String() string
}

type Union interface{ int | string | []byte }

func Sum[T Number](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

func Show[T interface {
	~int
	String() string
}](x T) string {
	return x.String()
}

// Generic types.
type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	val  T
	next *node[T]
}

type Tree[T cmp.Ordered] struct {
	Left, Right *Tree[T]
	Val         T
	pairs       []Pair[T, string]
	byKey       map[T]*List[T]
	list        List[T]
	Pair[T, int]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{val: v, next: l.head}
	l.n++
}

func (l *List[_]) Len() int { return l.n }

func (p Pair[K, V]) Get() (K, V) { return p.Key, p.Val }

// The ambiguous brackets after a type name.
const N = 4

type Arr [N]int
type Arr2[N]int
type Arr3 [N * 2]int
type ArrMul [N * C(1)]int
type Slc []int
type TP1[P *C,] struct{}
type TP2[P *C | ~int] struct{}
type TP3[P interface{ *C }] []P
type TP4[P []int] struct{ p P }
type TP5[P ~int, Q any] map[P]Q

type (
	G1[T any] []T
	A1 [N]int
	G2[K comparable, V any] map[K]V
)

// A generic alias.
type Alias[T comparable] = Pair[T, T]
type PairOfInt = Pair[int, int]

func main() {
	xs := Map[int, string]([]int{1, 2}, func(i int) string { return fmt.Sprint(i) })
	m := Max[int](1, 2)
	f := Max[float64]
	p := Pair[string, int]{"a", 1}
	q := &Pair[string, []int]{Key: "b"}
	var l List[int]
	l.Push(1)
	t := Tree[int]{}
	var ps []Pair[int, map[string]int]
	g := Sum[int]
	s := Show[myInt]
	k := Keys(map[string]int{"x": 1})
	fmt.Println(xs, m, f, p, q, l.Len(), t, ps, g(1, 2), s, k, Join([]int{1}), List[int]{})
	var a Alias[int] = Pair[int, int]{}
	_ = a
}

type myInt int

func (m myInt) String() string { return "" }

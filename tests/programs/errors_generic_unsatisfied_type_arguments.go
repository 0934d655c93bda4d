// A type argument that does not satisfy its constraint is reported at that argument (the
// second of two, a function type at its `(`, as gc parses type arguments as expressions);
// the instance is made all the same, so its uses and methods report nothing more (a
// generic type whose field instantiates another with an unsatisfying argument).
package main

import "fmt"

type Set[K comparable] struct{ m map[K]bool }

func (s *Set[K]) Add(k K) { s.m[k] = true }

type Pair[K comparable, V comparable] struct {
	k K
	v V
}

type Num interface{ ~int | ~float64 }

type Box[T Num] struct{ v T }

func (b Box[T]) Twice() T { return b.v * 2 }

type Counted[T T] struct {
	*Set[T]
	adds int
}

func (c *Counted[T]) Add(v T) {
	c.adds++
	c.Set.Add(v)
}

func g[K comparable, V comparable](k K, v V) {}

var p Pair[int, []int]
var q *Set[func()]

func main() {
	var s Set[[]int]
	s.Add([]int{1})
	b := Box[string]{v: "x"}
	fmt.Println(b.Twice(), len(s.m))
	g[int, []int](1, nil)
	g[func()](nil, 1)
	c := Counted[int]{Set: &Set[int]{}}
	c.Add(1)
	fmt.Println(c.adds, p, q)
}

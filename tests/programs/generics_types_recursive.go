// Recursive generic types: a linked list and a binary search tree that refer to their own
// instantiation, and a graph whose nodes map to other instantiations.
package main

import "fmt"

type List[T any] struct {
	next *List[T]
	val  T
}

func (l *List[T]) Push(v T) *List[T] { return &List[T]{next: l, val: v} }

func (l *List[T]) Each(f func(T)) {
	for ; l != nil; l = l.next {
		f(l.val)
	}
}

func Reverse[T any](l *List[T]) *List[T] {
	var r *List[T]
	l.Each(func(v T) { r = r.Push(v) })
	return r
}

type Tree[K interface{ ~int | ~string }, V any] struct {
	left, right *Tree[K, V]
	key         K
	val         V
}

func (t *Tree[K, V]) Put(k K, v V) *Tree[K, V] {
	if t == nil {
		return &Tree[K, V]{key: k, val: v}
	}
	switch {
	case k < t.key:
		t.left = t.left.Put(k, v)
	case k > t.key:
		t.right = t.right.Put(k, v)
	default:
		t.val = v
	}
	return t
}

func (t *Tree[K, V]) Walk(f func(K, V)) {
	if t != nil {
		t.left.Walk(f)
		f(t.key, t.val)
		t.right.Walk(f)
	}
}

type Node[T any] struct {
	Val   T
	Edges []*Node[T]
	Tags  map[string]*List[T]
}

func main() {
	var l *List[string]
	for _, s := range []string{"a", "b", "c"} {
		l = l.Push(s)
	}
	l.Each(func(s string) { fmt.Print(s) })
	Reverse(l).Each(func(s string) { fmt.Print(s) })
	fmt.Println()
	var t *Tree[string, int]
	for i, w := range []string{"pear", "apple", "fig", "apple"} {
		t = t.Put(w, i)
	}
	t.Walk(func(k string, v int) { fmt.Print(k, ":", v, " ") })
	fmt.Println()
	a := &Node[int]{Val: 1}
	b := &Node[int]{Val: 2, Edges: []*Node[int]{a}}
	a.Edges = append(a.Edges, b)
	a.Tags = map[string]*List[int]{"x": (*List[int])(nil).Push(5)}
	fmt.Println(a.Edges[0].Edges[0].Val, b.Edges[0].Tags["x"].val)
	fmt.Printf("%T %T\n", t, a.Tags)
}

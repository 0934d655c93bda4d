package main

import (
	"fmt"
	"strings"
)

// Iterators built from iterators (without generics): a recursive in-order walk of a binary
// tree, filter and map adapters, a zip of two sequences, and early exits that stop every
// layer.

type IntSeq func(yield func(int) bool)

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

// walk yields the values in order; it returns false when the consumer stopped.
func (t *Tree) walk(yield func(int) bool) bool {
	if t == nil {
		return true
	}
	return t.Left.walk(yield) && yield(t.Val) && t.Right.walk(yield)
}

func (t *Tree) All() IntSeq {
	return func(yield func(int) bool) { t.walk(yield) }
}

// Depth-first, written with range-over-func itself.
func (t *Tree) Preorder() IntSeq {
	return func(yield func(int) bool) {
		if t == nil {
			return
		}
		if !yield(t.Val) {
			return
		}
		for v := range t.Left.Preorder() {
			if !yield(v) {
				return
			}
		}
		for v := range t.Right.Preorder() {
			if !yield(v) {
				return
			}
		}
	}
}

func (s IntSeq) Filter(keep func(int) bool) IntSeq {
	return func(yield func(int) bool) {
		for v := range s {
			if keep(v) && !yield(v) {
				return
			}
		}
	}
}

func (s IntSeq) Map(f func(int) int) IntSeq {
	return func(yield func(int) bool) {
		for v := range s {
			if !yield(f(v)) {
				return
			}
		}
	}
}

func (s IntSeq) Take(n int) IntSeq {
	return func(yield func(int) bool) {
		if n <= 0 {
			return
		}
		i := 0
		for v := range s {
			if !yield(v) {
				return
			}
			i++
			if i == n {
				return
			}
		}
	}
}

func (s IntSeq) Enumerate() func(func(int, int) bool) {
	return func(yield func(int, int) bool) {
		i := 0
		for v := range s {
			if !yield(i, v) {
				return
			}
			i++
		}
	}
}

func Naturals() IntSeq {
	return func(yield func(int) bool) {
		for i := 0; ; i++ {
			if !yield(i) {
				fmt.Println("  naturals stopped at", i)
				return
			}
		}
	}
}

func collect(s IntSeq) []int {
	var out []int
	for v := range s {
		out = append(out, v)
	}
	return out
}

func main() {
	var root *Tree
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35, 65} {
		root = root.Insert(v)
	}
	fmt.Println("in order:", collect(root.All()))
	fmt.Println("preorder:", collect(root.Preorder()))

	// Stop a recursive walk in the middle.
	for v := range root.All() {
		if v > 45 {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()

	odd := func(v int) bool { return v%2 == 1 }
	square := func(v int) int { return v * v }
	fmt.Println("odd squares:", collect(Naturals().Filter(odd).Map(square).Take(5)))

	var sb strings.Builder
	for i, v := range root.Preorder().Filter(func(v int) bool { return v%20 != 0 }).Enumerate() {
		fmt.Fprintf(&sb, "%d:%d ", i, v)
	}
	fmt.Println(sb.String())

	// The first value above 1000 among the squares, found by returning from the body.
	first := func() int {
		for v := range Naturals().Map(square) {
			if v > 1000 {
				return v
			}
		}
		return -1
	}
	fmt.Println("first square > 1000:", first())
}

// Aliases of instantiated types, and generic type aliases (Go 1.24).
package main

import "fmt"

type Pair[A, B any] struct {
	First  A
	Second B
}

type IntPair = Pair[int, int]

type Set[T comparable] = map[T]bool

type KV[V any] = Pair[string, V]

type Fn[T any] = func(T) T

func Apply[T any](f Fn[T], x T) T { return f(x) }

func main() {
	p := IntPair{1, 2}
	var q Pair[int, int] = p
	fmt.Printf("%v %T %v\n", p, p, q == p)
	s := Set[string]{"go": true}
	s["rust"] = false
	fmt.Printf("%v %T %d\n", s, s, len(s))
	kv := KV[[]int]{"k", []int{1}}
	fmt.Printf("%+v %T\n", kv, kv)
	fmt.Println(Apply(func(i int) int { return i * 3 }, 5))
	var f Fn[string] = func(s string) string { return s + s }
	fmt.Printf("%s %T\n", f("ab"), f)
}

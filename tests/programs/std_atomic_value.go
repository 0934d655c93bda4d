// sync/atomic.Value: Load before Store, Store/Swap/CompareAndSwap of one consistent type,
// value types compared by value, and the panics for nil and inconsistent types; the last
// one is not recovered.
package main

import (
	"fmt"
	"sync/atomic"
)

type point struct{ x, y int }

func try(name string, f func()) {
	defer func() { fmt.Println(name, "->", recover()) }()
	f()
}

func main() {
	var v atomic.Value
	fmt.Println(v.Load())
	fmt.Println(v.CompareAndSwap(point{}, point{1, 2}), v.Load())
	fmt.Println(v.CompareAndSwap(nil, point{1, 2}), v.Load())
	fmt.Println(v.CompareAndSwap(point{1, 2}, point{3, 4}), v.Load())
	fmt.Println(v.CompareAndSwap(point{1, 2}, point{5, 6}), v.Load())
	v.Store(point{7, 8})
	fmt.Println(v.Swap(point{9, 9}), v.Load())

	var cfg atomic.Value
	cfg.Store(map[string]int{"a": 1})
	m := cfg.Load().(map[string]int)
	fmt.Println(m["a"], cfg.Swap(map[string]int{"b": 2}))

	var s atomic.Value
	fmt.Println(s.Swap("first"), s.Load())

	try("Store nil", func() { v.Store(nil) })
	try("Store int", func() { v.Store(1) })
	try("Swap nil", func() { v.Swap(nil) })
	try("Swap string", func() { v.Swap("x") })
	try("CAS nil", func() { v.CompareAndSwap(point{}, nil) })
	try("CAS mixed", func() { v.CompareAndSwap(1, point{}) })
	try("CAS other type", func() { v.CompareAndSwap("a", "b") })
	try("CAS uncomparable", func() { cfg.CompareAndSwap(map[string]int{}, map[string]int{}) })
	fmt.Println(v.Load())
	v.Store("a string now")
}

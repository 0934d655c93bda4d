package main

import "strings"

type A struct{ x int }

func (a A) Get() int { return a.x }
func (a *A) Set(v int) { a.x = v }

type Getter interface{ Get() int }
type Setter interface{ Set(int) }

func main() {
	var s Setter = A{}
	var g Getter = &A{}
	_, _ = s, g
	var n int
	n = nil
	var f func()
	f = 1
	x, y := 1
	_, _ = x, y
	var z = nil
	_ = z
	for i := 0; i < 3; i++ {
	}
	var k int
	k := 3
	_ = k
	A{}.Set(1)
	type T struct{}
	var t T
	t.Missing = 2
	_ = A{x: 1, y: 2}
	_ = A{1, 2}
	_ = f()
}

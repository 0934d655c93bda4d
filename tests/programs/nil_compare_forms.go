// Comparisons with nil, as values and as branch conditions, for every kind that has
// nil: pointers, slices (nil and empty), maps, channels, functions, interfaces (nil,
// holding a nil pointer, holding a value), unsafe.Pointer, and nil on either side.
package main

import (
	"errors"
	"fmt"
	"unsafe"
)

type T struct{ n int }

func (*T) Error() string { return "t" }

func describe(name string, isNil bool) {
	if isNil {
		fmt.Println(name, "is nil")
	} else {
		fmt.Println(name, "is not nil")
	}
}

func errOf(i int) error {
	switch i {
	case 0:
		return nil
	case 1:
		var p *T
		return p
	}
	return errors.New("x")
}

func main() {
	var p *T
	q := &T{1}
	describe("p", p == nil)
	describe("q", nil == q)
	if p != nil || q == nil {
		fmt.Println("wrong")
	}
	if (nil) != q && p == (nil) {
		fmt.Println("pointer branches ok")
	}

	var s []int
	e := []int{}
	z := make([]int, 0)
	fmt.Println(s == nil, e == nil, z == nil, s[:0] == nil, e[:0] != nil)
	if s == nil && e != nil && z != nil {
		fmt.Println("slice branches ok")
	}

	var m map[string]int
	m2 := map[string]int{}
	fmt.Println(m == nil, m2 == nil, nil != m2)

	var c chan int
	c2 := make(chan int)
	fmt.Println(c == nil, c2 != nil)

	var f func()
	g := func() {}
	fmt.Println(f == nil, g != nil, nil == f)
	if f == nil {
		f = g
	}
	fmt.Println(f != nil)

	for i := 0; i < 3; i++ {
		err := errOf(i)
		fmt.Println(i, err == nil, err != nil)
		if err != nil {
			fmt.Println(" ", i, "error:", err.Error())
		}
		var a any = err
		if a == nil {
			fmt.Println(" ", i, "any is nil")
		}
	}
	var a any = 0
	fmt.Println(a == nil, a != nil)

	var up unsafe.Pointer
	fmt.Println(up == nil, unsafe.Pointer(q) != nil)

	n := 0
	for x := q; x != nil; x = nil {
		n++
	}
	fmt.Println("loop ran", n)
}

// An address a program observes (%p, %v of a pointer, Sprint, uintptr(unsafe.Pointer))
// is the one the object keeps, through collections, as in Go's non-moving heap.
package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type T struct{ a, b int }

var keep []*int

func main() {
	x := new(int)
	keep = append(keep, x)
	s1 := fmt.Sprintf("%p", x)
	runtime.GC()
	s2 := fmt.Sprintf("%p", x)
	fmt.Println("%p stable across GC:", s1 == s2)
	y := new(int)
	keep = append(keep, y)
	a1 := fmt.Sprint(y)
	for i := 0; i < 100000; i++ {
		_ = make([]byte, 64)
	}
	runtime.GC()
	fmt.Println("Println stable:", a1 == fmt.Sprint(y))
	t := &T{1, 2}
	p1 := fmt.Sprintf("%p %v", t, t)
	runtime.GC()
	fmt.Println("struct pointer stable:", p1 == fmt.Sprintf("%p %v", t, t))
	ch := make(chan int)
	c1 := fmt.Sprint(ch)
	runtime.GC()
	fmt.Println("chan stable:", c1 == fmt.Sprint(ch))
	sl := make([]int, 3)
	q1 := fmt.Sprintf("%p", sl)
	runtime.GC()
	fmt.Println("slice %p stable:", q1 == fmt.Sprintf("%p", sl))
	_ = unsafe.Pointer(x)
}

func init() {
	k := new([4]int)
	keep2 = k
	u1 := uintptr(unsafe.Pointer(k))
	runtime.GC()
	u2 := uintptr(unsafe.Pointer(k))
	fmt.Println("uintptr stable:", u1 == u2)
	var z int
	println("stack addr printed ok:", &z != nil)
}

var keep2 *[4]int

type holder struct {
	P  *int
	XS []*int
	A  any
}

func init() {
	h := &holder{P: new(int), XS: []*int{new(int)}, A: new(int)}
	keep3 = h
	s1 := fmt.Sprintf("%v %+v", h, *h)
	for i := 0; i < 100000; i++ {
		_ = make([]byte, 64)
	}
	runtime.GC()
	fmt.Println("nested stable:", s1 == fmt.Sprintf("%v %+v", h, *h))
}

var keep3 *holder

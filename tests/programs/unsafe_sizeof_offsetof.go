package main

import (
	"fmt"
	"unsafe"
)

type small struct {
	a byte
	b int32
	c byte
}

type nested struct {
	s   small
	p   *int
	arr [3]int16
	f   float32
	str string
	sl  []int
	m   map[string]int
	i   any
	e   struct{}
}

type withEmptyTail struct {
	x int64
	e struct{}
}

func main() {
	var s small
	fmt.Println(unsafe.Sizeof(s), unsafe.Alignof(s), unsafe.Offsetof(s.b), unsafe.Offsetof(s.c))
	var n nested
	fmt.Println(unsafe.Sizeof(n), unsafe.Alignof(n))
	fmt.Println(unsafe.Offsetof(n.p), unsafe.Offsetof(n.arr), unsafe.Offsetof(n.f),
		unsafe.Offsetof(n.str), unsafe.Offsetof(n.sl), unsafe.Offsetof(n.m), unsafe.Offsetof(n.i), unsafe.Offsetof(n.e))
	fmt.Println(unsafe.Sizeof(withEmptyTail{}))
	fmt.Println(unsafe.Sizeof(true), unsafe.Sizeof(int8(0)), unsafe.Sizeof(uint16(0)), unsafe.Sizeof(rune(0)),
		unsafe.Sizeof(0), unsafe.Sizeof(uintptr(0)), unsafe.Sizeof(1.5), unsafe.Sizeof(float32(1)),
		unsafe.Sizeof(""), unsafe.Sizeof([]byte(nil)), unsafe.Sizeof(map[int]int(nil)),
		unsafe.Sizeof(func() {}), unsafe.Sizeof(make(chan int)), unsafe.Sizeof(any(1)))
	fmt.Println(unsafe.Sizeof([0]int{}), unsafe.Sizeof([5]byte{}), unsafe.Sizeof([2]small{}))
	fmt.Println(unsafe.Alignof(int8(0)), unsafe.Alignof(int16(0)), unsafe.Alignof(float32(0)), unsafe.Alignof(""), unsafe.Alignof([3]int16{}))
	// Constants: usable in constant expressions and array lengths.
	const words = unsafe.Sizeof(n) / 8
	var buf [unsafe.Sizeof(s)]byte
	fmt.Println(words, len(buf))
	fmt.Printf("%T\n", unsafe.Sizeof(s))
}

// Narrow signed integers read out of memory into registers: map values and keys (lookup
// and range), interface assertions and type switches, channel receives (buffered, handed
// off, in a select, in a range) and recovered panic values all sign-extend, so converting
// them to a wider integer keeps their value.
package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

var g int8 = -57
var g16 int16 = -300

type S struct{ a int8 }

func id[T any](x T) T { return x }

func pair() (int8, int16) { return -1, -2 }

func closed16() chan int16 {
	c := make(chan int16, 2)
	c <- -200
	close(c)
	return c
}

func main() {
	fmt.Println("globals", int(g), int(g16), int64(g)*2)

	t := map[int]int8{1: -57}
	v := t[1]
	v2, ok := t[1]
	fmt.Println("map", int(v), int(v2), ok)
	for k, v := range map[int8]int8{-1: -2} {
		fmt.Println("range", int(k), int(v))
	}
	m32 := map[string]int32{"a": -70000}
	fmt.Println("map32", int64(m32["a"]))

	var x any = int8(-57)
	y := x.(int8)
	z, ok := x.(int8)
	fmt.Println("assert", int(y), int(z), ok)
	var i any = int16(-300)
	switch v := i.(type) {
	case int16:
		fmt.Println("switch", int(v))
	}

	c := make(chan int8, 1)
	c <- -57
	fmt.Println("buffered", int(<-c))
	c2 := make(chan int32)
	go func() { c2 <- -70000 }()
	fmt.Println("handoff", int(<-c2))
	go func() { c2 <- -70001 }()
	fmt.Println("handoff", int64(<-c2))
	// The sender parks first: the receive takes the value from it.
	go func() { c2 <- -70002 }()
	runtime.Gosched()
	fmt.Println("parked sender", int64(<-c2))
	// A select parks first: the sender hands the value to it.
	c8 := make(chan int8)
	go func() { c8 <- -8 }()
	select {
	case v := <-c8:
		fmt.Println("parked select", int(v))
	}
	c <- -3
	select {
	case v := <-c:
		fmt.Println("select", int(v))
	}
	for v := range closed16() {
		fmt.Println("range chan", int(v))
	}

	var a int32 = -5
	fmt.Println("atomic", int(atomic.LoadInt32(&a)), int(atomic.AddInt32(&a, -1)))
	p, q := pair()
	fmt.Println("results", int(id[int8](-7)), int(p), int(q))
	fmt.Println("fields", int(map[int]S{1: {-3}}[1].a), int(x.(int8)))

	defer func() {
		r := recover()
		fmt.Println("recovered", int(r.(int8)))
	}()
	panic(int8(-4))
}

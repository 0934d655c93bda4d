package main

import (
	"fmt"
	"runtime"
)

type pt struct{ x, y *int }

// build is not inlined (it prints), so gc's slice pass applies to it.
func build(n int) []int {
	var s []int
	for i := range n {
		s = append(s, i*i)
	}
	fmt.Print("")
	return s
}

func buildCap(n int) []int {
	var s []int
	for i := range n {
		s = append(s, i)
	}
	fmt.Println("cap inside", cap(s))
	return s
}

func alias(n int) ([]int, []int) {
	var s []int
	for i := range n {
		s = append(s, i)
	}
	t := s
	s = append(s, 100)
	s[0] = -1
	return t, s
}

func named(n int) (s []string) {
	defer func() { fmt.Println("deferred sees", len(s)) }()
	for i := 0; i < n; i++ {
		s = append(s, fmt.Sprint(i))
	}
	return
}

func ptrs(n int) []*int {
	var s []*int
	for i := 0; i < n; i++ {
		v := i
		s = append(s, &v)
		runtime.GC()
	}
	return s
}

func bytes(n int) []byte {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, 'a'+byte(i))
	}
	b = b[:len(b)-1]
	return b
}

func structs(n int) []pt {
	var s []pt
	for i := 0; i < n; i++ {
		a, b := i, -i
		s = append(s, pt{&a, &b})
	}
	return s
}

func main() {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 9} {
		s := build(n)
		fmt.Println(n, s, len(s), cap(s))
	}
	s := buildCap(3)
	fmt.Println(s, cap(s))
	t, u := alias(3)
	fmt.Println(t, u, cap(t), cap(u))
	ns := named(3)
	fmt.Println(ns, cap(ns))
	ps := ptrs(3)
	runtime.GC()
	for _, p := range ps {
		fmt.Print(*p, " ")
	}
	fmt.Println(len(ps), cap(ps))
	b := bytes(5)
	fmt.Println(string(b), len(b), cap(b))
	st := structs(3)
	runtime.GC()
	fmt.Println(*st[2].x, *st[2].y, cap(st))
	big := build(100)
	fmt.Println(len(big), cap(big), big[99])
}

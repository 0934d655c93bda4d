// Values nested 30,000 deep compare and hash as in Go: gosub's == and map hashing
// walk them with an explicit stack, not Rust recursion.
package main

import "fmt"

func nest(n int) any {
	var a any = 0
	for i := 0; i < n; i++ {
		a = [1]any{a}
	}
	return a
}

type node struct {
	v    int
	next any
}

func chain(n int, last int) any {
	var a any = last
	for i := 0; i < n; i++ {
		a = node{i, a}
	}
	return a
}

func main() {
	a, b := nest(30000), nest(30000)
	fmt.Println(a == b, a == nest(29999))
	m := map[any]int{a: 1}
	fmt.Println(m[b], len(m))
	m[nest(29999)] = 2
	fmt.Println(len(m), m[nest(29999)])
	c, d := chain(30000, 1), chain(30000, 2)
	fmt.Println(c == d, c == chain(30000, 1))
	defer func() { fmt.Println("recovered:", recover()) }()
	var f any = [1]any{[]int{1}}
	fmt.Println(f == f)
}

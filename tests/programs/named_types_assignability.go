package main

import "fmt"

type MyInt int
type Meters float64
type Names []string

func total(ns []string) int { return len(ns) }

func main() {
	var a MyInt = 5
	b := 3
	c := a + MyInt(b)
	fmt.Println(c, int(c)+b)
	const k = 2
	fmt.Println(a*k, Meters(1.5)*k)
	var n Names = []string{"x", "y"}
	fmt.Println(total(n))
	var plain []string = n
	fmt.Println(plain)
	type Pair struct{ A, B int }
	type Pair2 Pair
	p := Pair{1, 2}
	q := Pair2(p)
	fmt.Println(q)
	fmt.Printf("%T %T %T\n", a, n, q)
}

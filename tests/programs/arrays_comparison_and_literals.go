package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	a := [3]int{1, 2, 3}
	b := [...]int{1, 2, 3}
	c := [3]int{1, 2}
	fmt.Println(a == b, a == c, a != c, len(b))
	d := [5]string{2: "two", 4: "four"}
	fmt.Printf("%q\n", d)
	e := [...]int{5: 1, 2, 1: 7}
	fmt.Println(e, len(e))
	ps := [2]Point{{1, 2}, {3, 4}}
	qs := [2]Point{{1, 2}, {3, 4}}
	fmt.Println(ps == qs)
	m := map[[2]int]string{{0, 0}: "origin", {1, 0}: "east"}
	fmt.Println(m[[2]int{1, 0}], m)
	var z [4]bool
	fmt.Println(z, len(z), cap(z))
	fmt.Printf("%v %T\n", e[:2], e)
}

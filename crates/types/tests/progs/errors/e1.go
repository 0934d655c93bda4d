package main

import "fmt"

type T struct{ a int }

func (t *T) M() {}

type I interface{ M() }

func two() (int, int) { return 1, 2 }

func main() {
	var i I = T{}
	a, b := two(), 1
	c := two()
	var s []int
	s = append(1, 2)
	var x int = "s"
	if x {
	}
	y := !x
	fmt.Println(i, a, b, c, s, y)
}

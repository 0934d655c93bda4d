package main

var g []*int

func keep(xs ...*int) { g = xs }

func main() {
	a := 1
	keep(&a)
	println(*g[0])
}

package main

var g *int

func first(pp **int) { g = *pp }

func main() {
	x := 1
	p := &x
	first(&p)
	println(*g)
}

package main

var g *int

func keep(p *int) { g = p }

func main() {
	x := 5
	keep(&x)
	println(*g)
}

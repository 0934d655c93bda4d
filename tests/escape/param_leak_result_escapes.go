package main

func id(p *int) *int { return p }

var g *int

func main() {
	x := 5
	g = id(&x)
	println(*g)
}

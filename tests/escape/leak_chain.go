package main

var g *int

func a(p *int) { b(p) }
func b(p *int) { c(p) }
func c(p *int) { g = p }

func main() {
	x := 7
	a(&x)
	println(*g)
}

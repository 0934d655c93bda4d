package main

var g *int

func main() {
	x := 1
	g = &x
	println(*g)
}

package main

type T struct {
	p *int
	v int
}

var g T

func main() {
	x := 1
	t := T{&x, 2}
	g = t
	println(*g.p)
}

package main

type T struct{ a int }

var g *T

func main() {
	g = &T{}
	q := &T{}
	println(g.a, q.a)
}

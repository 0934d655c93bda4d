package main

type T struct{ v int }

var g *T

func main() {
	var i interface{} = &T{1}
	g = i.(*T)
	println(g.v)
}

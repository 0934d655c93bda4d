package main

type Point struct{ X, Y int }

var g *Point

func main() {
	g = &Point{1, 2}
	println(g.X)
}

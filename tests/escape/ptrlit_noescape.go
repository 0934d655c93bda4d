package main

type Point struct{ X, Y int }

func main() {
	p := &Point{1, 2}
	println(p.X + p.Y)
}

package main

var g []int

func main() {
	g = append(g, 1)
	var s []int
	s = append(s, 2)
	println(len(g), len(s))
}

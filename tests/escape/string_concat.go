package main

var gs string

func main() {
	a, b := "x", "y"
	s := a + b
	println(len(s))
	gs = a + b + s
}

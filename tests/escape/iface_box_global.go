package main

var sink interface{}

type T struct{ a, b int }

func main() {
	sink = T{1, 2}
	sink = 7
	var p *T = &T{}
	sink = p
}

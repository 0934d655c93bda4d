package main

func id(p *int) *int { return p }

func main() {
	x := 5
	y := id(&x)
	println(*y)
}

package main

func two(a, b *int) (*int, *int) { return b, a }

func main() {
	x, y := 1, 2
	p, q := two(&x, &y)
	println(*p, *q)
}

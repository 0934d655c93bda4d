package main

func add(a, b *int) int { return *a + *b }

func main() {
	x, y := 1, 2
	println(add(&x, &y))
}

package main

// Dividing a complex constant by a zero constant is a compile error.
func main() {
	const c = 1i / 0
	x := 2 + 3i
	_ = x / 0
	_ = (1 + 1i) / (0 + 0i)
	_ = c
}

package main

// Complex numbers are not ordered, and %, bitwise operators and shifts do not apply.
func main() {
	x, y := 1+2i, 3+4i
	_ = x < y
	_ = x >= 1i
	_ = x % y
	_ = x &^ y
	_ = ^x
	_ = 1i << 2
	_ = max(x, y)
}

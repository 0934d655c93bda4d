package main

// A complex constant becomes an integer or a float only when its imaginary part is zero
// (and, for an integer, its real part is one).
func main() {
	var i int = 2i
	var f float64 = 1 + 2i
	var k int = 1.5 + 0i
	var u uint8 = 300 + 0i
	_ = float32(1i)
	_ = int(2.5 + 0i)
	_, _, _, _ = i, f, k, u
}

package main

// complex64 and complex128 are different types; complex's arguments must match and be
// floats, real's and imag's must be complex.
func main() {
	var a complex64
	var b complex128
	var f32 float32
	var f64 float64
	_ = a + b
	_ = a == b
	_ = complex(f32, f64)
	_ = complex(1, 2) + b + a
	_ = complex(3, 4i)
	_ = real(f64)
	_ = float64(b)
	_ = complex64(f64)
	a = b
}

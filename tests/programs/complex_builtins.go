package main

import "fmt"

// complex, real and imag: argument conversions, result types, constant results.
func main() {
	var f32 float32 = 1.5
	var f64 float64 = -2.25

	a := complex(f32, 2)   // complex64: the untyped 2 becomes float32
	b := complex(1, f64)   // complex128
	c := complex(1, 2)     // untyped constant arguments: an untyped complex constant
	d := complex(f64, f64) // complex128
	fmt.Printf("%T %v\n%T %v\n%T %v\n%T %v\n", a, a, b, b, c, c, d, d)

	fmt.Printf("%T %v %T %v\n", real(a), real(a), imag(b), imag(b))
	fmt.Printf("%T %v %T %v\n", real(c), real(c), imag(3), imag(3))

	// Constant results.
	const k = complex(3, 4)
	const re, im = real(k), imag(k)
	var arr [int(re)]int
	fmt.Println(k, re, im, len(arr), real(5), imag(2i+7))

	// Round trips.
	for _, z := range []complex128{0, 1, 1i, -3 + 0.5i, complex(1e308, -1e-308)} {
		w := complex(real(z), imag(z))
		fmt.Println(z, w == z, real(-z), imag(-z))
	}
	var z64 complex64 = complex(float32(0.1), float32(0.2))
	fmt.Println(real(z64), imag(z64), float64(real(z64)), complex128(z64))

	// Parts of values in memory: slices, struct fields, map values.
	s := []complex64{1 + 2i, 3 - 4i}
	type P struct{ Z complex128 }
	p := &P{5 + 6i}
	m := map[string]complex128{"x": 7 - 8i}
	fmt.Println(real(s[1]), imag(s[0]), real(p.Z), imag(p.Z), real(m["x"]), imag(m["x"]))
	s[0] = complex(imag(s[0]), real(s[0]))
	p.Z = complex(real(p.Z)*2, 0)
	fmt.Println(s, *p)

	// complex of two expressions that read the destination.
	x := 1 + 2i
	x = complex(imag(x), real(x))
	fmt.Println(x)
}

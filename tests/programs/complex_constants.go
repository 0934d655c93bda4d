package main

import "fmt"

// Untyped complex constants are exact; imaginary literals in every form.
const (
	c1 = 1 + 2i
	c2 = c1 * c1 // (-3+4i)
	c3 = (3 + 4i) / (1 - 2i)
	c4 = 1e400i * 1e-400i // exact: -1
	c5 = real(c2) + imag(c2)
	c6 = complex(0.1, 0.2) * 10
	c7 = 1i * 1i
)

const typed complex64 = 1.0000001 + 3.4e38i
const tc complex128 = 1 << 60

func main() {
	fmt.Println(c1, c2, c3, c4, c5, c6, c7)
	fmt.Println(typed, tc, real(tc), imag(typed))

	fmt.Println(2i, 1.5i, 1e3i, .5i, 1_000i, 0i)
	fmt.Println(0x1p-2i, 0X10i, 0o17i, 017i, 0b101i, 00i, 1_2.3_4i)

	// A complex constant with a zero imaginary part converts to ints and floats.
	var i int = 7 + 0i
	var f float32 = 2.5 + 0i
	var u uint8 = c4 * -255
	const r = 3 + 0i
	arr := [r]int{}
	fmt.Println(i, f, u, len(arr), int64(1e18+0i), float64(c3*(-1-2i)), (2+0i)<<3)

	// Constant comparisons.
	fmt.Println(c1 == 1+2i, c7 == -1, c2 != c1)

	// An untyped complex constant defaults to complex128.
	v := c1
	var e any = 1i
	fmt.Printf("%T %T %v\n", v, e, e)

	// Typed constant arithmetic rounds to the type.
	const third complex64 = 1.0 / 3
	const third128 complex128 = 1.0 / 3
	fmt.Println(third, third128, complex128(third) == third128)
	fmt.Println(real(1e300i*1e300i) == -1e600)
}

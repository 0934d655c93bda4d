package main

import (
	"fmt"
	"math"
)

type C64 complex64
type C128 complex128

// Conversions between complex64 and complex128 (each part rounds as float32/float64
// would), named complex types, and constants.
func main() {
	z := complex(math.Pi, math.E)
	z64 := complex64(z)
	back := complex128(z64)
	fmt.Println(z, z64, back, back == z)
	fmt.Printf("%.20f\n", real(back))

	big := complex(1e39, -1e39)
	fmt.Println(complex64(big), complex64(complex(1e-46, 3e-45)))
	fmt.Println(complex64(complex(math.NaN(), math.Inf(-1))))

	n := C64(z64)
	m := C128(n)
	fmt.Printf("%T %v %T %v %T %v\n", n, n, m, m, complex128(m), complex128(m))
	fmt.Println(C128(1+1i)*C128(2), n+1)

	// Constant conversions.
	const k = 0.1 + 0.2i
	fmt.Println(complex64(k), complex128(k), C64(k), real(complex64(k)) == float32(0.1))
	fmt.Println(int(3+0i), uint16(65535+0i), float32(1.5+0i), float64(-0.25+0i))

	// Float values become complex through complex().
	f := float32(0.1)
	fmt.Println(complex(f, 0), complex(float64(f), 0))

	// Through interfaces.
	var a any = z64
	if c, ok := a.(complex64); ok {
		fmt.Println("complex64", complex128(c))
	}
	if _, ok := a.(complex128); !ok {
		fmt.Println("not complex128")
	}
}

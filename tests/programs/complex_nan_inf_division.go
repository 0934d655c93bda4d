package main

import (
	"fmt"
	"math"
)

// Division by zero never panics for complex numbers: Go's runtime.complex128div gives
// infinities and NaNs as C99 does. NaN parts make values unequal to themselves.
func main() {
	var zero complex128
	var zero64 complex64
	one := complex(1, 0)
	fmt.Println(one/zero, -one/zero, zero/zero, 1i/zero, (1-1i)/zero)
	fmt.Println(complex64(1)/zero64, complex64(-1i)/zero64, zero64/zero64)

	inf, nan := math.Inf(1), math.NaN()
	cases := [][2]complex128{
		{complex(inf, 0), 2},
		{complex(inf, inf), 1 + 1i},
		{complex(1, 2), complex(inf, 0)},
		{complex(1, 2), complex(inf, -inf)},
		{complex(nan, 1), 1},
		{complex(1, 1), complex(0, math.Copysign(0, -1))},
		{complex(inf, nan), 0},
		{complex(nan, nan), 0},
		{complex(1e308, 1e308), complex(1e-308, 1e-308)},
		{complex(1e-320, 1), complex(1e-320, 1e-320)},
	}
	for _, c := range cases {
		fmt.Println(c[0], "/", c[1], "=", c[0]/c[1], " *:", c[0]*c[1], " +:", c[0]+c[1])
	}

	n := complex(nan, 0)
	fmt.Println(n == n, n != n, complex(inf, 0) == complex(inf, 0), complex(0, math.Copysign(0, -1)) == 0)
	fmt.Println(-complex(0, 0), -n, complex(inf, -inf)*0)

	var c64 complex64 = complex(float32(math.MaxFloat32), 1)
	fmt.Println(c64*2, c64*c64, c64/complex64(complex(float32(1e-30), 0)))

	// Integer division by zero still panics; complex division does not.
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(one / zero)
	k := 0
	fmt.Println(1 / k)
}

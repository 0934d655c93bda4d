package main

import (
	"fmt"
	"math"
)

type Pair struct {
	A complex64
	B complex128
}

// fmt prints a complex as (re+imi), each part as the verb prints a float of half the
// size, the imaginary part always signed; widths and precisions apply to each part.
func main() {
	z := complex(1.0/3, -2.5)
	var z64 complex64 = complex(float32(1.0/3), 2.5)
	fmt.Println(z, z64, -z, 0i)
	fmt.Print(z, z64, "\n")
	fmt.Println(fmt.Sprint(z, 1+1i), fmt.Sprintln(z64))
	for _, v := range []string{"%v", "%g", "%G", "%e", "%E", "%f", "%F", "%.2f", "%8.3f", "%-9.2e|", "%+.3g", "% .1f", "%08.2f", "%x", "%X", "%.3x", "%b", "%#v", "%+v", "%T"} {
		fmt.Printf("%-8s %s %s\n", v, fmt.Sprintf(v, z), fmt.Sprintf(v, z64))
	}
	fmt.Printf("%d %s %q %t\n", z, z, z64, z)
	fmt.Printf("%v %+v %#v\n", Pair{1i, 2}, Pair{1i, 2}, Pair{1i, 2})
	fmt.Printf("%v %.1f\n", []complex64{1, 2i}, [2]complex128{1.25, 2.75i})
	fmt.Printf("%6.2f|%-14v|%14v|\n", complex(1, 1), complex(2, -2), complex(3, 0))

	inf, nan := math.Inf(1), math.NaN()
	fmt.Println(complex(nan, inf), complex(-inf, nan), complex(inf, -inf))
	fmt.Printf("%v %.2f %+v %8.1f|% v|%e\n", complex(nan, inf), complex(nan, -inf), complex(inf, nan), complex(nan, nan), complex(inf, 1), complex(-inf, nan))
	fmt.Println(complex(math.Copysign(0, -1), math.Copysign(0, -1)), complex64(complex(1e-45, 1e38)))
	fmt.Println(complex(1e21, 1e-7), complex(123456789, 0.000012345))
}

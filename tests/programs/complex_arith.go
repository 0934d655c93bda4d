package main

import "fmt"

// Arithmetic on complex128 and complex64 as gc computes it: + and - part by part,
// * in float64 (rounded back for complex64), / by the runtime's complex128div.
func main() {
	a, b := 3+4i, 1-2i
	fmt.Println(a+b, a-b, a*b, a/b, -a, +b)
	fmt.Println(a*a*a, a/a, b/(2i), (1+1i)*(1-1i))

	var x, y complex64 = complex(1.1, 2.2), complex(0.3, -0.7)
	fmt.Println(x+y, x-y, x*y, x/y, -x)
	fmt.Println(x*x*x, complex128(x)*complex128(x)*complex128(x))

	// Op-assignments and ++/--.
	c := 1 + 1i
	c += 2
	c -= 1i
	c *= 3i
	c /= 1 + 1i
	c++
	c--
	c--
	fmt.Println(c)
	var d complex64 = 2
	d *= d
	d++
	fmt.Println(d)

	// Cancellation: the product is computed in float64 for complex64 too.
	var p complex64 = complex(16777216, 1)
	var q complex64 = complex(16777215, 1)
	fmt.Println(p*q, complex128(p)*complex128(q))

	// Division keeps precision where the textbook formula overflows.
	big := complex(1e300, 1e300)
	fmt.Println(big/big, 1/big, big/(2+1i))
	small := complex(1e-300, 1e-300)
	fmt.Println(small/small, small/(1e-300+0i))

	// Equality is part by part.
	fmt.Println(a == 3+4i, a != 3+4i, x == complex64(complex(1.1, 2.2)), complex(0, 0) == complex(0, -1*0))

	// Loops and accumulation.
	z := complex(0.5, 0.5)
	acc := complex(1, 0)
	for i := 0; i < 10; i++ {
		acc = acc*z + 1i
	}
	fmt.Println(acc)
	fmt.Printf("%.17g\n", acc)
}

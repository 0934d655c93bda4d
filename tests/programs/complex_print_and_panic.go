package main

import "fmt"

type Signal complex64

// print/println write complex numbers as strconv.FormatComplex(c, 'g', -1, ...) does, and
// a panic with a complex value prints it the same way (a named type as main.T(...)).
func main() {
	var c64 complex64 = complex(0.1, -3)
	println(1+2i, c64, complex(1e100, 1e-100), -c64)
	print(0i, "\n")
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(Signal(1 - 0.5i))
	}()
	panic(complex(2, 3))
}

package main

import "fmt"

func main() {
	v := 1234.5678
	fmt.Printf("%f|%.2f|%8.3f|%-10.1f|%+f\n", v, v, v, v, v)
	fmt.Printf("%e|%E|%.3e\n", v, v, v)
	fmt.Printf("%g|%G|%.3g|%.10g\n", v, v, v, v)
	fmt.Printf("%g|%g|%g|%g\n", 1e6, 1e21, 1e-5, 0.0001)
	fmt.Printf("%v|%v\n", float32(2.5), 1e100)
	fmt.Printf("%08.2f|%-8.2f|% .2f\n", -3.14159, 3.14159, 3.14159)
	fmt.Printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, -0.5)
	fmt.Printf("%x\n", 1.0)
	fmt.Printf("%6.2f%%\n", 99.5)
	fmt.Printf("%#g %#.3g\n", 1.0, 2.0)
}

// A generic function used as a value without type arguments.
package main

import "fmt"

func Sum[T int | float64](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func main() {
	f := Sum
	fmt.Println(f)
}

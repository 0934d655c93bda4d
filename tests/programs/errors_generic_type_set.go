// A type argument outside the constraint's type set.
package main

import "fmt"

func Double[T ~int | ~float64](x T) T { return x * 2 }

type Name string

func main() {
	fmt.Println(Double(Name("x")))
}

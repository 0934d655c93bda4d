// Arguments that give a type parameter two different types.
package main

import "fmt"

func Pair[T any](a, b T) []T { return []T{a, b} }

func main() {
	var i int = 1
	var s string = "x"
	fmt.Println(Pair(i, s))
}

// A type parameter that appears only in the result cannot be inferred.
package main

import "fmt"

func Zero[T any]() T {
	var z T
	return z
}

func main() {
	fmt.Println(Zero())
}

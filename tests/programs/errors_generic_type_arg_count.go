// More type arguments than type parameters.
package main

import "fmt"

func Id[T any](x T) T { return x }

func main() {
	fmt.Println(Id[int, string](1))
}

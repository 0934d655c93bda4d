// A generic type used without type arguments.
package main

import "fmt"

type List[T any] struct {
	items []T
}

func main() {
	var l List
	fmt.Println(l)
}

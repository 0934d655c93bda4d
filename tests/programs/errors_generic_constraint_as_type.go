// An interface with a type set used as an ordinary type.
package main

import "fmt"

type Number interface {
	~int | ~float64
}

func main() {
	var n Number
	fmt.Println(n)
}

// A package whose path ends in a major version (math/rand/v2) is known by its package
// name, rand: in type names and in the unused-import error, which names it because it
// differs from the path's last element.
package main

import (
	"fmt"
	"math/rand/v2"
	r2 "math/rand/v2"
)

func main() {
	var x int = r2.NewPCG(1, 2)
	fmt.Println(x)
}

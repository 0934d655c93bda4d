// An import without a path: the go command's words (go/parser), before gc runs.
package main

import (
	"fmt"
	x.y
)

func main() { fmt.Println() }

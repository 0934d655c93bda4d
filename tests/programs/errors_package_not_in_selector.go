// A package named without a selector is an error and no use of the import.
package main

import (
	"fmt"
	"strings"
)

func main() {
	x := fmt
	var y = strings
	fmt.Println(x, y)
}

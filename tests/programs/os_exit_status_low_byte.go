// os.Exit's status is what the operating system keeps of it: the low 8 bits, so -1 ends
// with status 255 and 259 with 3 (the status of the `go run` child, as the oracle records it).
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("exiting with 259")
	os.Exit(259)
}

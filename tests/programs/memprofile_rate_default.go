// runtime.MemProfileRate starts at 0 in a program that cannot read the memory profile,
// as Go's linker sets it (gosub: one that neither imports runtime/pprof nor runs with
// --memprofile).
package main

import (
	"fmt"
	"runtime"
)

func main() {
	fmt.Println(runtime.MemProfileRate)
}

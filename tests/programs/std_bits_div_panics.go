// math/bits: Div panics with the runtime's divide error for y == 0 and with a runtime
// error "integer overflow" when the quotient does not fit; Rem does not overflow. The
// last overflow is not recovered.
package main

import (
	"fmt"
	"math/bits"
	"runtime"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		_, isRuntime := r.(runtime.Error)
		fmt.Println(name, "->", r, isRuntime)
	}()
	f()
}

func main() {
	try("Div64 by zero", func() { bits.Div64(0, 1, 0) })
	try("Div32 by zero", func() { bits.Div32(0, 1, 0) })
	try("Rem64 by zero", func() { bits.Rem64(1, 1, 0) })
	try("Div64 overflow", func() { bits.Div64(5, 0, 5) })
	try("Div32 overflow", func() { bits.Div32(6, 0, 5) })
	fmt.Println(bits.Rem64(5, 0, 5), bits.Rem32(6, 1, 5))
	q, r := bits.Div(2, 3, 1)
	fmt.Println(q, r)
}

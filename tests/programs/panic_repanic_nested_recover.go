// A runtime error recovered inside the deferred call of an earlier recovered one (the
// chain must not lose either), a slice-to-array conversion error (a new runtime.boundsError
// each time), and panic(r) of a recovered fixed runtime error, printed once as Go does
// ([recovered, repanicked]).
package main

import "fmt"

var zero int
var m map[string]int

func safeDiv(a, b int) (q int, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return a / b, true
}

func main() {
	defer func() {
		fmt.Println("recovered:", recover())
		fmt.Println(safeDiv(1, zero))
		func() {
			defer func() { fmt.Println("inner:", recover()) }()
			m["x"] = 1
		}()
		s := []int{1}
		func() {
			defer func() { r := recover(); fmt.Printf("%T %v\n", r, r) }()
			_ = [2]int(s)
		}()
		defer func() {
			r := recover()
			fmt.Println("again:", r)
			panic(r)
		}()
		m["y"] = 2
	}()
	fmt.Println(1 / zero)
}

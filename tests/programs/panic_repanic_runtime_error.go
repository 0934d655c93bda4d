// A runtime error raised again while its recovered panic is still being handled: the
// runtime's fixed errors (integer division by zero, nil map assignment) are the same
// value, which Go prints once as `[recovered, repanicked]`; an index error is a new value
// each time, printed twice.
package main

import "fmt"

var zero int
var m map[string]int
var xs []int

func again(f func()) {
	defer func() {
		fmt.Println("recovered:", recover())
		f()
	}()
	f()
}

func main() {
	func() {
		defer func() { fmt.Println("outer:", recover()) }()
		again(func() { fmt.Println(xs[5]) })
	}()
	func() {
		defer func() { fmt.Println("outer:", recover()) }()
		again(func() { m["a"] = 1 })
	}()
	again(func() { fmt.Println(1 / zero) })
}

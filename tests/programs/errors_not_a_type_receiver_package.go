// A receiver or a package named as a type: gc says which, and a package named so is no
// use of its import.
package main

import "fmt"

type T int

func (r T) M() {
	var x r
	_ = x
}

var y fmt

func main() {}

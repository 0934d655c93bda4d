// A name used as a type that names something else: types2 says what it names (and does
// not evaluate it: the variable v, whose own type is in error, is reported too); a
// method expression is reported at the method's name.
package main

type T struct{}

func (T) M() {}

var calls int
var v int

const c = 1

func int() {}

func main() {
	x := 1
	var a v
	var b c
	var d main
	var e x
	var f len
	var i T.M
	_, _, _, _, _, _ = a, b, d, e, f, i
}

func p(y bool) { var z y; _ = z }

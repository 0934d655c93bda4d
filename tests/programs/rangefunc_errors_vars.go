package main

// Iteration variables a range over a function does not permit, and assignments to
// iteration variables of the wrong type.

func main() {
	var f func(func(int) bool)
	for x, y := range f {
		_, _ = x, y
	}
	var o func(func() bool)
	for x := range o {
		_ = x
	}
	var q func(func(int, string) bool)
	var s int
	var t string
	for t, s = range q {
	}
	_, _ = s, t
	for k, v := range q {
		var z int = v
		_, _ = k, z
	}
}

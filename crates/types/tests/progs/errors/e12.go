package main

// `~x` parses anywhere (as in gc); outside a constraint it is a type error, reported
// after the operand's own errors.

func main() {
	var b0 int
	x := ~b0
	_ = x
	y := ~undefinedName
	_ = y
	z := -~b0 + 1
	_ = z
}

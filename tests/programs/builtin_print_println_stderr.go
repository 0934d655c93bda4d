package main

import "fmt"

func main() {
	fmt.Println("to stdout")
	println("to stderr", 1, true, 'x')
	print("no newline", 2, "\n")
	print(1, 2, "x", "y", 3, "\n")
	println(1.5, 1e20, -0.25)
	println(int8(-5), uint8(250), "")
	var e error
	println(e == nil)
	fmt.Println("end")
}

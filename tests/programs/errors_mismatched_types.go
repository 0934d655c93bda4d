package main

import "fmt"

func main() {
	a := 1
	b := 2.5
	s := "x"
	fmt.Println(a + b)
	fmt.Println(s + a)
	var i8 int8 = 1
	var i16 int16 = 2
	fmt.Println(i8 == i16)
}

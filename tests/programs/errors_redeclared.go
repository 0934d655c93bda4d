package main

import "fmt"

func helper() {}

func helper() {}

func main() {
	x := 1
	var x int
	a := 2
	a := 3
	fmt.Println(x, a)
}

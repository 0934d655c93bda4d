package main

import "fmt"

func main() {
	x := 10
	fmt.Println(x / 0)
	const c = 5 % 0
	var f = 1.5 / 0.0
	fmt.Println(c, f)
}

package main

import "fmt"

func main() {
	x := 42
	s := "hi"
	fmt.Println(x, s, 3.5, true)
}

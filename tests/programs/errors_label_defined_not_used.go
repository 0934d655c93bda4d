package main

import "fmt"

func main() {
unused:
	fmt.Println("x")
	for i := 0; i < 2; i++ {
	inner:
		fmt.Println(i)
	}
}

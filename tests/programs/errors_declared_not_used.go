package main

import "fmt"

func main() {
	x := 1
	y, z := 2, 3
	fmt.Println(y)
	for i := 0; i < 3; i++ {
		v := i * 2
	}
	_ = z
}

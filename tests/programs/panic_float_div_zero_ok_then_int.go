package main

import "fmt"

func main() {
	z := 0.0
	fmt.Println(1/z, -1/z, z/z)
	var i int64
	fmt.Println(int64(5) / i)
}

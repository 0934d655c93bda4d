package main

import "fmt"

func main() {
	n := 3
	s := fmt.Sprintf("%d-%s", n, "x")
	fmt.Println(s)
}

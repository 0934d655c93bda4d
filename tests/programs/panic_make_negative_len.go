package main

import "fmt"

func main() {
	n := 2
	s := make([]int, n)
	fmt.Println(s)
	n = -1
	t := make([]int, n)
	fmt.Println(t)
}

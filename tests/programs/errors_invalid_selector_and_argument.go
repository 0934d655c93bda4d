package main

import "fmt"

func main() {
	var a []int
	a.Len()
	var i any = 1
	fmt.Println(i + 1)
	n := 3
	n.x = 4
	fmt.Println(len(5))
}

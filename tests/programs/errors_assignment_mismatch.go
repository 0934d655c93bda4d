package main

import "fmt"

func two() (int, int) { return 1, 2 }

func main() {
	a, b := 1
	c := two()
	var d, e int = 1, 2, 3
	fmt.Println(a, b, c, d, e)
}

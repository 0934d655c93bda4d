package main

import "fmt"

func takesInt(n int) int { return n }

func main() {
	var s string = 5
	n := takesInt("seven")
	var f float64 = n
	fmt.Println(s, f)
}

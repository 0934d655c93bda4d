package main

import "fmt"

func cleanup() {
	var m map[int]int
	m[0] = 1
}

func main() {
	defer fmt.Println("first deferred prints last")
	defer cleanup()
	fmt.Println("normal return")
}

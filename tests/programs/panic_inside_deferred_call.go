package main

import "fmt"

func main() {
	defer fmt.Println("outer defer runs")
	defer func() {
		panic("panic in defer")
	}()
	fmt.Println("body")
	panic("original")
}

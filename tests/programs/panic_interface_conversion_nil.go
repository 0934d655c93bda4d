package main

import "fmt"

type T struct{}

func main() {
	var v any
	fmt.Println(v == nil)
	t := v.(T)
	fmt.Println(t)
}

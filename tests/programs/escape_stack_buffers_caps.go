package main

import "fmt"

func main() {
	s := "hello"
	b := []byte(s)
	fmt.Println(len(b), cap(b))
	r := []rune(s)
	fmt.Println(len(r), cap(r))
	t := s + "!"
	fmt.Println(len(t))
	var x any = 5
	y := x.(int)
	fmt.Println(y)
}

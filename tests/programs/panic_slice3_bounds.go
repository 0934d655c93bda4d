package main

import "fmt"

func main() {
	s := make([]int, 2, 4)
	max := 5
	t := s[0:1:4]
	fmt.Println(len(t), cap(t))
	fmt.Println(s[0:1:max])
}

package main

import "fmt"

type Big struct {
	A, B, C int64
}

func main() {
	var ss []string
	for i := 0; i < 10; i++ {
		ss = append(ss, "s")
		fmt.Print(cap(ss), " ")
	}
	fmt.Println()
	var bs []Big
	for i := 0; i < 10; i++ {
		bs = append(bs, Big{})
		fmt.Print(cap(bs), " ")
	}
	fmt.Println()
	var i32 []int32
	for i := 0; i < 20; i++ {
		i32 = append(i32, 1)
		fmt.Print(cap(i32), " ")
	}
	fmt.Println()
	x := []int{1, 2}
	x = append(x, 3, 4, 5)
	fmt.Println(len(x), cap(x))
	y := append([]byte("hello"), " world, how are you"...)
	fmt.Println(len(y), cap(y))
}

package main

import "fmt"

func main() {
	var s []int
	prev := -1
	for i := 0; i < 2000; i++ {
		s = append(s, i)
		if cap(s) != prev {
			fmt.Println(len(s), cap(s))
			prev = cap(s)
		}
	}
	b := []byte{}
	for i := 0; i < 40; i++ {
		b = append(b, 'x')
	}
	fmt.Println(len(b), cap(b))
	t := append([]int{1, 2, 3}, 4)
	fmt.Println(len(t), cap(t))
	u := append([]int(nil), 1, 2, 3, 4, 5)
	fmt.Println(len(u), cap(u))
	strs := append([]string{}, "a")
	fmt.Println(len(strs), cap(strs))
}

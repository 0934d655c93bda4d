package main

import "fmt"

func main() {
	a := make([]int, 3, 10)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(a, b, c)
	fmt.Println(b[3] == c[3])

	x := []int{1, 2, 3}
	y := append(x, 4)
	z := append(x, 5)
	y[0] = 100
	fmt.Println(x, y, z)

	orig := []int{1, 2, 3, 4, 5}
	head := orig[:2]
	head = append(head, 99)
	fmt.Println(orig, head)

	full := orig[:2:2]
	full = append(full, 77)
	fmt.Println(orig, full)
}

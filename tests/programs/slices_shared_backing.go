package main

import "fmt"

func zeroFirst(s []int) {
	s[0] = 0
}

func appendOne(s []int) {
	s = append(s, 1)
	s[0] = -1
}

func main() {
	base := []int{1, 2, 3, 4, 5, 6}
	a := base[1:4]
	b := base[2:6]
	a[1] = 30
	fmt.Println(base, a, b)
	zeroFirst(b)
	fmt.Println(base)
	full := []int{1, 2, 3}
	appendOne(full)
	fmt.Println(full)
	roomy := make([]int, 3, 4)
	appendOne(roomy)
	fmt.Println(roomy, roomy[:4])
	m := [][]int{base[:2], base[4:]}
	m[0][0] = 42
	fmt.Println(base, m)
}

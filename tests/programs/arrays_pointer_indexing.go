package main

import "fmt"

func main() {
	arr := [4]int{10, 20, 30, 40}
	p := &arr
	p[1] = 21
	fmt.Println(p[1], len(p), arr)
	for i := range p {
		p[i] *= 2
	}
	fmt.Println(arr)
	s := p[1:3]
	s[0] = -1
	fmt.Println(arr, s, cap(s))
	q := &arr[3]
	*q = 7
	fmt.Println(arr)
	var m [3][3]int
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			m[i][j] = i * j
		}
	}
	row := &m[2]
	row[0] = 99
	fmt.Println(m)
}

package main

import "fmt"

func remove(s []int, i int) []int {
	return append(s[:i], s[i+1:]...)
}

func insert(s []int, i, v int) []int {
	s = append(s, 0)
	copy(s[i+1:], s[i:])
	s[i] = v
	return s
}

func main() {
	s := []int{0, 1, 2, 3, 4}
	t := remove(s, 2)
	fmt.Println(t, s)
	t = insert(t, 1, 10)
	fmt.Println(t, s)
	evens := s[:0]
	for _, v := range []int{1, 2, 3, 4, 5, 6} {
		if v%2 == 0 {
			evens = append(evens, v)
		}
	}
	fmt.Println(evens, s)
	r := []int{1, 2, 3, 4, 5}
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	fmt.Println(r)
}

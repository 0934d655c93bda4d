package main

import "fmt"

func main() {
	arr := [8]int{0, 1, 2, 3, 4, 5, 6, 7}
	s := arr[2:4]
	fmt.Println(s, len(s), cap(s))
	t := arr[2:4:5]
	fmt.Println(t, len(t), cap(t))
	t = append(t, 100)
	fmt.Println(arr)
	t = append(t, 200)
	t[0] = -2
	fmt.Println(arr, t)
	u := s[:cap(s)]
	fmt.Println(u)
	v := arr[:0:0]
	fmt.Println(len(v), cap(v), v == nil)
	w := s[1:]
	fmt.Println(w, cap(w))
	x := arr[:]
	fmt.Println(len(x), cap(x[3:]), cap(x[3:5:6]))
}

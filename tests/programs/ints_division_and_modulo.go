package main

import "fmt"

func main() {
	fmt.Println(7/2, -7/2, 7/-2, -7/-2)
	fmt.Println(7%3, -7%3, 7%-3, -7%-3)
	a, b := 17, 5
	fmt.Println(a/b, a%b, (a/b)*b+a%b)
	var u uint = 17
	fmt.Println(u/5, u%5)
	var i8 int8 = -128
	var m int8 = -1
	fmt.Println(i8/m, i8%m)
	x := 1 << 62
	fmt.Println(x/3, x%7)
}

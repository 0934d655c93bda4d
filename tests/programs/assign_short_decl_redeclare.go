package main

import "fmt"

func two() (int, error) { return 2, nil }

func main() {
	a, err := two()
	b, err := two()
	fmt.Println(a, b, err)
	x := 1
	{
		x := 2
		x++
		fmt.Println("inner", x)
	}
	fmt.Println("outer", x)
	if x := 10; x > 5 {
		fmt.Println("if", x)
	} else {
		fmt.Println("else", x)
	}
	fmt.Println(x)
	var (
		p    = 1
		q, r = "q", 2.5
	)
	fmt.Println(p, q, r)
	var _ = 5
	_, c := two()
	fmt.Println(c)
	x, y := 100, 200
	fmt.Println(x, y)
}

package main

import "fmt"

func main() {
	var x any = 42
	n, ok := x.(int)
	fmt.Println(n, ok)
	s, ok := x.(string)
	fmt.Printf("%q %v\n", s, ok)
	f, ok := x.(float64)
	fmt.Println(f, ok)
	x = "hello"
	fmt.Println(x.(string) + "!")
	vals := []any{1, "a", 2.5, nil, []int{1}, map[string]int{}, struct{}{}, true}
	for _, v := range vals {
		fmt.Printf("%T|%v\n", v, v)
	}
	var y any
	_, ok = y.(any)
	fmt.Println(ok)
	y = x
	fmt.Println(y == x, y == "hello", y == any(3))
	var e error
	_, ok = y.(error)
	fmt.Println(ok, e == nil)
}

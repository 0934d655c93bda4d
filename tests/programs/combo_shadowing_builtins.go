package main

import "fmt"

type int32Alias = int32

func main() {
	len := func(s string) int { return 42 }
	fmt.Println(len("abc"))
	{
		true := false
		fmt.Println(true)
	}
	nil := 5
	fmt.Println(nil + 1)
	string := "shadowed type name"
	fmt.Println(string)
	var x int32Alias = 3
	fmt.Printf("%T\n", x)
	copy := []int{1, 2}
	fmt.Println(copy)
	fmt := 7
	_ = fmt
	println("fmt is shadowed; println still works")
}

package main

import "fmt"

func main() {
	for i := range 5 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 3
	for i := range n {
		n = 10
		fmt.Print(i, " ")
	}
	fmt.Println(n)
	for range 2 {
		fmt.Println("tick")
	}
	var u8 uint8 = 3
	for i := range u8 {
		fmt.Printf("%T %d\n", i, i)
	}
	for i := range 0 {
		fmt.Println("never", i)
	}
	for i := range -5 {
		fmt.Println("never", i)
	}
	type Count int
	for c := range Count(2) {
		fmt.Printf("%T %v\n", c, c)
	}
}

package main

import "fmt"

func describe(n int) {
	switch n {
	case 0:
		fmt.Print("zero ")
		fallthrough
	case 1:
		fmt.Print("small ")
		fallthrough
	case 2:
		fmt.Print("two-ish ")
	case 3:
		fmt.Print("three ")
		fallthrough
	default:
		fmt.Print("default ")
	}
	fmt.Println()
}

func main() {
	for i := 0; i < 5; i++ {
		describe(i)
	}
	switch {
	case true:
		fmt.Println("first")
		fallthrough
	case false:
		fmt.Println("second (even though false)")
	}
}

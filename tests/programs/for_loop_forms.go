package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 1
	for n < 100 {
		n *= 3
	}
	fmt.Println(n)
	k := 0
	for {
		k++
		if k == 5 {
			break
		}
		if k%2 == 0 {
			continue
		}
		fmt.Print("odd", k, " ")
	}
	fmt.Println()
	for i, j := 0, 10; i < j; i, j = i+2, j-2 {
		fmt.Print(i, ",", j, " ")
	}
	fmt.Println()
	var i int
	for i = 0; i < 4; i++ {
	}
	fmt.Println("after", i)
	for x := 10; x > 0; x /= 2 {
		fmt.Print(x, " ")
	}
	fmt.Println()
}

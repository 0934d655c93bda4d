package main

import "fmt"

func main() {
	for i := 0; i < 5; i++ {
		switch i {
		case 2:
			break
		default:
			fmt.Print(i, " ")
		}
	}
	fmt.Println()
loop:
	for i := 0; ; i++ {
		switch {
		case i == 3:
			break loop
		case i%2 == 0:
			continue
		}
		fmt.Print("odd ", i, " ")
	}
	fmt.Println()
	n := 0
	for n < 10 {
		switch n {
		case 4:
			n += 3
			continue
		}
		n++
	}
	fmt.Println(n)
}

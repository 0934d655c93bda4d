package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "F"
	}
}

func main() {
	for _, s := range []int{95, 85, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	switch x := 5; x {
	case 1, 2, 3:
		fmt.Println("small")
	case 4, 5, 6:
		fmt.Println("medium")
	}
	switch c := 'b'; c {
	case 'a':
		fmt.Println("a")
	default:
		fmt.Println("default first?")
	case 'b':
		fmt.Println("b")
	}
	s := "go"
	switch s + "lang" {
	case "golang":
		fmt.Println("matched expr")
	}
	switch {
	}
	switch x := 3; {
	case x > 2:
		fmt.Println("tagless with init")
	}
}

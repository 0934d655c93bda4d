package main

import "fmt"

func main() {
	fmt.Printf("%d\n", "hi")
	fmt.Printf("%s\n", 42)
	fmt.Printf("%d %d\n", 1)
	fmt.Printf("%d\n", 1, 2)
	fmt.Printf("%d\n", 1, "x", 3.5)
	fmt.Printf("%z\n", 5)
	fmt.Printf("%!\n")
	fmt.Printf("no verbs\n", true)
	fmt.Printf("%t\n", 1)
	fmt.Printf("%x\n", 1.5)
	fmt.Printf("%d\n", nil)
	fmt.Printf("%s\n", nil)
	fmt.Printf("%.*d\n", "x", 5)
	fmt.Printf("%[2]d %[1]d\n", 1, 2)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%")
	fmt.Println()
	s := fmt.Sprintf("%d%%", 50)
	fmt.Println(s)
}

package main

import "fmt"

func validate(name string) {
	if name == "" {
		panic("something went wrong: empty name")
	}
	fmt.Println("valid:", name)
}

func main() {
	fmt.Println("about to panic")
	validate("gopher")
	validate("")
}

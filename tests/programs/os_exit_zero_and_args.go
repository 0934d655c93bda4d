package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(len(os.Args))
	fmt.Println(len(os.Args[1:]))
	defer fmt.Println("skipped")
	if len(os.Args) > 0 {
		os.Exit(0)
	}
}

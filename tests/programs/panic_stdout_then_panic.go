package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println("line", i)
	}
	fmt.Fprintln(os.Stderr, "a warning on stderr")
	fmt.Print("partial line without newline")
	var s []string
	_ = s[len(s)-1+1]
}

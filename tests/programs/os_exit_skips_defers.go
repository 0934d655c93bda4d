package main

import (
	"fmt"
	"os"
)

func main() {
	defer fmt.Println("this deferred call must NOT run")
	fmt.Println("exiting with 3")
	fmt.Fprintln(os.Stderr, "stderr before exit")
	os.Exit(3)
}

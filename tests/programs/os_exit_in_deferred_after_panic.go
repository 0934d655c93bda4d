package main

import (
	"fmt"
	"os"
)

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered:", r)
		os.Exit(4)
	}()
	panic("fatal config")
}

package main

import "fmt"

func main() {
	fmt.Println("start")
	if true {
		break
	}
	continue
}

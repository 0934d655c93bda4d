package main

import "fmt"

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered in main:", r)
		}
	}()
	var arr [3]int
	idx := 3
	arr[idx%4] = 1
	fmt.Println("not reached")
}

package main

import "fmt"

func main() {
	defer fmt.Println("deferred still runs")
	defer func() {
		fmt.Println("deferred closure sees panic but does not recover")
	}()
	var f float64 = 2.5
	panic(f)
}

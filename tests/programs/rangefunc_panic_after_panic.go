package main

import "fmt"

// An iterator that recovers a panic of the loop body and calls the body again:
// "range function continued iteration after loop body panic".

func swallow(yield func(int) bool) {
	func() {
		defer func() {
			if r := recover(); r != nil {
				fmt.Println("iterator recovered:", r)
			}
		}()
		yield(0)
	}()
	yield(1)
}

func main() {
	for x := range swallow {
		fmt.Println("body", x)
		panic(fmt.Sprint("body panic ", x))
	}
}

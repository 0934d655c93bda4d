package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("got", r)
		panic("boom")
	}()
	panic("boom")
}

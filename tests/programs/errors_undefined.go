package main

import "fmt"

func main() {
	fmt.Println(undefinedVar)
	doSomething()
	var t UnknownType
	_ = t
}

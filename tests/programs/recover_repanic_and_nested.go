package main

import "fmt"

func inner() {
	defer func() {
		r := recover()
		fmt.Println("inner recovered:", r)
		panic(fmt.Sprint("re-", r))
	}()
	panic("first")
}

func middle() (result string) {
	defer func() {
		if r := recover(); r != nil {
			result = fmt.Sprint("middle got ", r)
		}
	}()
	inner()
	return "unreachable"
}

func deferRecoverNotDirect() {
	defer func() {
		func() {
			fmt.Println("nested recover:", recover())
		}()
	}()
	defer func() {
		fmt.Println("direct recover:", recover())
	}()
	panic("p")
}

func main() {
	fmt.Println(middle())
	deferRecoverNotDirect()
	fmt.Println("done")
}

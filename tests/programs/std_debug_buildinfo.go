package main

import (
	"fmt"
	"runtime/debug"
)

func main() {
	fmt.Println(debug.SetMaxStack(1 << 20))
	fmt.Println(debug.SetMaxStack(5000000))
	fmt.Println(debug.SetMaxThreads(20))
	fmt.Println(debug.SetMaxThreads(10000))
	bi, ok := debug.ReadBuildInfo()
	fmt.Println(ok)
	fmt.Printf("%q\n", bi.String())
	debug.SetMaxStack(100000)
	var f func(int) int
	f = func(n int) int { return f(n+1) + 1 }
	f(0)
}

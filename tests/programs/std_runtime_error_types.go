package main

import (
	"errors"
	"fmt"
	"runtime"
)

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%T %v\n", r, r)
		if e, ok := r.(runtime.Error); ok {
			fmt.Println("runtime.Error:", e.Error())
		}
		if e, ok := r.(error); ok {
			var te *runtime.TypeAssertionError
			fmt.Println("is TAE:", errors.As(e, &te))
			var pe *runtime.PanicNilError
			fmt.Println("is PNE:", errors.As(e, &pe))
		}
	}()
	f()
}

func main() {
	var x any = "s"
	try(func() { _ = x.(int) })
	try(func() { _ = x.(fmt.Stringer) })
	try(func() { panic(nil) })
	try(func() { var a []int; _ = a[3] })
	var y any
	try(func() { _ = y.(int) })
}

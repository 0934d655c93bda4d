package main

import (
	"fmt"
)

func try(name string, f func()) {
	defer func() {
		r := recover()
		if err, ok := r.(error); ok {
			fmt.Printf("%s: %s\n", name, err.Error())
			return
		}
		fmt.Printf("%s: non-error %v\n", name, r)
	}()
	f()
}

func main() {
	var arr []int
	var m map[string]int
	var p *struct{ X int }
	var i any = "str"
	zero := 0
	try("index", func() { _ = arr[5] })
	try("slice", func() { s := []int{1, 2}; k := 3; _ = s[k:] })
	try("nilmap", func() { m["a"] = 1 })
	try("nilptr", func() { p.X = 1 })
	try("div", func() { fmt.Println(10 / zero) })
	try("assert", func() { _ = i.(int) })
	try("custom", func() { panic("plain string") })
	try("error", func() { panic(fmt.Errorf("wrapped %d", 1)) })
	try("conv", func() { s := []int{1, 2}; _ = [3]int(s) })
}

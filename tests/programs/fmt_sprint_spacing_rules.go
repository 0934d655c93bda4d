package main

import "fmt"

type S string

func main() {
	fmt.Println(fmt.Sprint("a", "b"))
	fmt.Println(fmt.Sprint(1, 2))
	fmt.Println(fmt.Sprint("a", 1, "b"))
	fmt.Println(fmt.Sprint(1, "a", 2))
	fmt.Println(fmt.Sprint(1.5, true, nil))
	fmt.Println(fmt.Sprint(S("x"), S("y")))
	fmt.Println(fmt.Sprint([]int{1}, []int{2}))
	fmt.Println(fmt.Sprint(errorT{}, errorT{}))
	fmt.Printf("%q\n", fmt.Sprintln("a", "b", 1))
	fmt.Printf("%q\n", fmt.Sprint())
}

type errorT struct{}

func (errorT) Error() string { return "E" }

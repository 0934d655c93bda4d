package main

import "fmt"

type Animal interface{ Sound() string }
type Dog struct{}
type Cat struct{ name string }

func (*Dog) Sound() string { return "woof" }
func (c *Cat) Sound() string {
	if c == nil {
		return "(silent nil cat)"
	}
	return c.name + " meows"
}

func describe(a Animal) string {
	switch v := a.(type) {
	case nil:
		return "no animal"
	case *Dog:
		return fmt.Sprint("dog: ", v.Sound(), " ", v == nil)
	case *Cat:
		return fmt.Sprint("cat: ", v.Sound(), " ", v == nil)
	}
	return "unknown"
}

func main() {
	var c *Cat
	var a Animal
	fmt.Println(describe(a))
	fmt.Println(describe(c))
	fmt.Println(describe(&Cat{"tom"}))
	fmt.Println(describe((*Dog)(nil)))
	a = c
	fmt.Println(a != nil, a.Sound())
}

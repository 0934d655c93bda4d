package main

import "fmt"

type Base struct {
	ID   int
	Name string
}

func (Base) Kind() string  { return "base" }
func (b Base) Hello() string { return "hello from " + b.Kind() }

type Derived struct {
	Base
	Name string
}

func (Derived) Kind() string { return "derived" }

func main() {
	d := Derived{Base{1, "inner"}, "outer"}
	fmt.Println(d.Name, d.Base.Name, d.ID)
	fmt.Println(d.Kind(), d.Base.Kind())
	fmt.Println(d.Hello())
	d.ID = 7
	fmt.Printf("%+v\n", d)
	fmt.Printf("%v\n", d)
}

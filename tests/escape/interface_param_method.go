package main

import "fmt"

type Animal interface{ Sound() string }

type Dog struct{ name string }

func (d *Dog) Sound() string { return d.name + " woof" }

func speak(a Animal) string { return a.Sound() }

func main() {
	d := &Dog{"rex"}
	fmt.Println(speak(d))
	var a Animal = Dog2{}
	fmt.Println(a.Sound())
}

type Dog2 struct{}

func (Dog2) Sound() string { return "..." }

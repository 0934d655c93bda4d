package main

import "fmt"

type Animal struct {
	Name string
	Legs int
}

func (a Animal) Describe() string {
	return fmt.Sprintf("%s has %d legs", a.Name, a.Legs)
}

func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

type Puppy struct {
	*Dog
	Age int
}

func main() {
	d := Dog{Animal{"Rex", 4}, "lab"}
	fmt.Println(d.Name, d.Legs, d.Animal.Name, d.Breed)
	fmt.Println(d.Describe())
	d.Rename("Max")
	fmt.Println(d.Describe())
	p := Puppy{&d, 1}
	p.Rename("Tiny")
	fmt.Println(d.Name, p.Describe(), p.Age)
	fmt.Printf("%+v\n", d)
}

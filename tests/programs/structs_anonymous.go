package main

import "fmt"

func main() {
	pt := struct {
		X, Y int
	}{3, 4}
	fmt.Println(pt, pt.X+pt.Y)
	fmt.Printf("%+v %T\n", pt, pt)
	people := []struct {
		Name string
		Age  int
	}{{"Al", 30}, {"Bo", 25}}
	for _, p := range people {
		fmt.Println(p.Name, p.Age)
	}
	type named struct{ X, Y int }
	var n named = pt
	fmt.Println(n)
	var empty struct{}
	fmt.Println(empty, struct{}{} == empty)
	cfg := struct {
		Debug bool
		Level int
		Tags  []string
	}{Level: 2}
	fmt.Printf("%+v\n", cfg)
}

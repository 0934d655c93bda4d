package main

import "fmt"

type Celsius = float64
type Strs = []string
type Point struct{ X, Y int }
type P = Point

func (p P) Sum() int { return p.X + p.Y }

func first(s []string) string { return s[0] }

func main() {
	var c Celsius = 21.5
	var f float64 = c
	fmt.Printf("%v %T\n", f, c)
	s := Strs{"a", "b"}
	fmt.Println(first(s))
	fmt.Printf("%T\n", s)
	p := P{1, 2}
	fmt.Println(p.Sum())
	fmt.Printf("%T %+v\n", p, p)
	var b byte = 'A'
	var u uint8 = b
	var r rune = 'é'
	var i int32 = r
	fmt.Printf("%T %T %v %v\n", b, r, u, i)
	var x any = 3
	var y interface{} = x
	fmt.Printf("%v %T\n", y, y)
}

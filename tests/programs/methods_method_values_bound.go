package main

import "fmt"

type T struct{ name string }

func (t T) Hello() string   { return "hi " + t.name }
func (t *T) PHello() string { return "phi " + t.name }

func main() {
	t := T{"a"}
	vh := t.Hello
	ph := t.PHello
	t.name = "b"
	fmt.Println(vh(), ph())
	fns := []func() string{t.Hello, t.PHello}
	t.name = "c"
	for _, f := range fns {
		fmt.Println(f())
	}
	expr := T.Hello
	pexpr := (*T).PHello
	fmt.Println(expr(T{"x"}), pexpr(&T{"y"}))
	fmt.Printf("%T\n", expr)
	fmt.Printf("%T\n", pexpr)
}

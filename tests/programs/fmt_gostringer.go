// fmt's GoStringer: %#v prints GoString()'s result as is (padded, never quoted), also
// inside slices, maps and interfaces; other verbs ignore it.
package main

import "fmt"

type G struct{ a int }

func (g G) GoString() string { return "GG" }

type P struct{ b string }

func (p *P) GoString() string { return "P!" + p.b }

type S struct{ x int }

func (s S) String() string { return "str" }

type E int

func (e E) Error() string   { return "err" }
func (e E) GoString() string { return "E(go)" }

func main() {
	fmt.Printf("%#v|%v|%s|%10.1v|\n", G{}, G{}, G{}, G{})
	fmt.Printf("%#v %#v\n", &P{"x"}, P{"y"})
	fmt.Printf("%#v %v\n", S{1}, S{1})
	fmt.Printf("%#v %v %#v\n", E(1), E(1), []any{G{}, E(2), nil})
	fmt.Printf("%#v\n", map[string]G{"k": {}})
	fmt.Printf("%#10v|%-#6v|\n", G{}, G{})
}

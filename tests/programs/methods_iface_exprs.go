// Method expressions on interface types: I.M is a function taking the interface first.
package main

import (
	"fmt"
	"io"
	"strings"
)

type Shape interface {
	Area() float64
	Name() string
}

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }
func (q Sq) Name() string    { return "sq" }

func main() {
	area := Shape.Area
	fmt.Println(area(Sq{3}), Shape.Name(Sq{1}))
	write := io.Writer.Write
	var sb strings.Builder
	n, err := write(&sb, []byte("hello"))
	fmt.Println(n, err, sb.String())
	fmt.Printf("%T\n", area)
	str := fmt.Stringer.String
	var b strings.Builder
	b.WriteString("x")
	fmt.Println(str(&b))
	defer func() { fmt.Println("recovered:", recover()) }()
	area(nil)
}

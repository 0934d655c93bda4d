// Method values of interface methods: r.M binds the interface value; a nil interface
// panics at the binding.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Shape interface {
	Area() float64
	Scale(k float64) Shape
}

type Sq struct{ s float64 }

func (q Sq) Area() float64           { return q.s * q.s }
func (q Sq) Scale(k float64) Shape   { return Sq{q.s * k} }

func main() {
	var sh Shape = Sq{2}
	area := sh.Area
	scale := sh.Scale
	sh = Sq{10}
	fmt.Println(area(), scale(3).Area(), sh.Area())
	var sb strings.Builder
	var w fmt.Stringer = &sb
	sb.WriteString("hi")
	str := w.String
	sb.WriteString("!")
	fmt.Println(str())
	err := errors.New("bad")
	msg := err.Error
	fmt.Println(msg())
	fs := []func() float64{sh.Area, Sq{1}.Area}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	defer func() { fmt.Println("recovered:", recover()) }()
	var nilShape Shape
	f := nilShape.Area
	fmt.Println("unreachable", f)
}

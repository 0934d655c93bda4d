package main

import (
	"fmt"
	"strings"
)

type Point struct{ X, Y int }

func (p Point) Format(f fmt.State, verb rune) {
	w, wok := f.Width()
	pr, pok := f.Precision()
	fmt.Fprintf(f, "P[%c w=%d,%v p=%d,%v +%v -%v #%v sp%v 0%v](%d,%d)", verb, w, wok, pr, pok,
		f.Flag('+'), f.Flag('-'), f.Flag('#'), f.Flag(' '), f.Flag('0'), p.X, p.Y)
}

type Hex int

func (h *Hex) Format(f fmt.State, c rune) {
	if h == nil {
		f.Write([]byte("nilhex"))
		return
	}
	fmt.Fprintf(f, "0x%x/%s", int(*h), fmt.FormatString(f, c))
}

type Wrapper struct {
	Name string
	P    Point
}

type Money float64

func (m Money) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v', 's':
		fmt.Fprintf(f, "$%.2f", float64(m))
	default:
		fmt.Fprintf(f, "%"+string(verb), float64(m))
	}
}

func (m Money) String() string { return "never" }

func main() {
	p := Point{1, 2}
	fmt.Printf("%v|%+v|%#v|%d|%s\n", p, p, p, p, p)
	fmt.Printf("%8.3x|%-5v|% 05d\n", p, p, p)
	fmt.Println(p)
	fmt.Print(p, "\n")
	fmt.Println(fmt.Sprint(p), fmt.Sprintf("%q", p))
	h := Hex(255)
	fmt.Printf("%v %+.2v %-8d\n", &h, &h, &h)
	var hn *Hex
	fmt.Printf("%v\n", hn)
	fmt.Printf("%v %+v\n", Wrapper{"w", p}, []Point{p, {3, 4}})
	fmt.Println(map[string]Point{"a": p})
	m := Money(3.14159)
	fmt.Printf("%v %s %e %.1f\n", m, m, m, m)
	fmt.Println(m, []Money{1, 2})
	var sb strings.Builder
	fmt.Fprintf(&sb, "[%v]", p)
	fmt.Println(sb.String())
	fmt.Println(fmt.Errorf("wrapped %v", p))
}

package main

import "fmt"

type Color int

const (
	Red Color = iota
	Green
	Blue
)

func (c Color) String() string {
	switch c {
	case Red:
		return "Red"
	case Green:
		return "Green"
	}
	return fmt.Sprintf("Color(%d)", int(c))
}

type Pt struct{ X, Y int }

func (p *Pt) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Wrapper struct {
	C Color
	P Pt
}

func main() {
	fmt.Println(Red, Blue, []Color{Green, Red})
	fmt.Printf("%v %s %d %q %x\n", Green, Green, Green, Green, Green)
	fmt.Printf("%+v %#v\n", Green, Green)
	p := Pt{1, 2}
	fmt.Println(p, &p)
	fmt.Printf("%v %+v\n", Wrapper{Blue, p}, Wrapper{Red, p})
	fmt.Println(map[Color]int{Blue: 3, Red: 1})
	s := fmt.Sprint(Color(7))
	fmt.Println(s, len(s))
}

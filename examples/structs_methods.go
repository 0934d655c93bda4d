// structs_methods.go — struct types, value vs pointer receivers, embedding
// with promoted fields and methods, and the Stringer interface used by fmt.
package main

import "fmt"

type Point struct{ X, Y float64 }

func (p Point) Add(q Point) Point { return Point{p.X + q.X, p.Y + q.Y} }
func (p *Point) Scale(k float64)  { p.X *= k; p.Y *= k }
func (p Point) String() string    { return fmt.Sprintf("(%g, %g)", p.X, p.Y) }

type Named struct {
	Point // embedded: Named gets X, Y, Add, Scale and String
	Name  string
}

func main() {
	p := Point{1, 2}
	q := p.Add(Point{3, 4})
	q.Scale(0.5) // Go takes &q automatically
	fmt.Println(p, q)

	n := Named{Point{5, 5}, "home"}
	n.Scale(2)
	fmt.Println(n.Name, n.X, n.Point)
	// Named inherits String() from Point, so even %+v prints only the point:
	fmt.Printf("%v | %+v\n", n.Point, n)

	copyOfP := p
	copyOfP.X = 100
	fmt.Println(p.X, copyOfP.X, p == Point{1, 2})
}

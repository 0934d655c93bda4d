package main

type Shape interface{ Area() int }

type Sq struct{ s int }

func (q Sq) Area() int { return q.s * q.s }

func area(s Shape) int { return s.Area() }

func main() {
	println(area(Sq{3}))
}

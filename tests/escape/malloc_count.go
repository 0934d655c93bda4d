package main

import (
	"fmt"
	"runtime"
)

type Point struct{ X, Y int }

var g *Point

func local() int {
	sum := 0
	for i := 0; i < 1000000; i++ {
		p := &Point{i, i + 1}
		sum += p.X + p.Y
	}
	return sum
}

func escaping() int {
	sum := 0
	for i := 0; i < 1000000; i++ {
		p := &Point{i, i + 1}
		g = p
		sum += p.X + p.Y
	}
	return sum
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.Mallocs
	s1 := local()
	runtime.ReadMemStats(&m)
	d1 := m.Mallocs - before
	before = m.Mallocs
	s2 := escaping()
	runtime.ReadMemStats(&m)
	d2 := m.Mallocs - before
	fmt.Println(s1, s2)
	fmt.Println("local < 10:", d1 < 10)
	fmt.Println("escaping >= 1000000:", d2 >= 1000000)
}

package main

import (
	"fmt"
	"sort"
)

type Point struct{ X, Y int }

func main() {
	moves := "RRUULDDDRR"
	pos := Point{}
	visits := map[Point]int{pos: 1}
	dirs := map[rune]Point{'R': {1, 0}, 'L': {-1, 0}, 'U': {0, 1}, 'D': {0, -1}}
	for _, m := range moves {
		d := dirs[m]
		pos = Point{pos.X + d.X, pos.Y + d.Y}
		visits[pos]++
	}
	fmt.Println("final", pos, "distinct", len(visits))
	pts := make([]Point, 0, len(visits))
	for p := range visits {
		pts = append(pts, p)
	}
	sort.Slice(pts, func(i, j int) bool {
		if pts[i].X != pts[j].X {
			return pts[i].X < pts[j].X
		}
		return pts[i].Y < pts[j].Y
	})
	for _, p := range pts {
		if visits[p] > 1 {
			fmt.Printf("%+v visited %d times\n", p, visits[p])
		}
	}
	fmt.Println(visits)
}

package main

import (
	"fmt"
	"strings"
)

const W, H = 10, 8

type Grid [H][W]bool

func (g *Grid) Neighbors(r, c int) int {
	n := 0
	for dr := -1; dr <= 1; dr++ {
		for dc := -1; dc <= 1; dc++ {
			if dr == 0 && dc == 0 {
				continue
			}
			rr, cc := (r+dr+H)%H, (c+dc+W)%W
			if g[rr][cc] {
				n++
			}
		}
	}
	return n
}

func (g Grid) Step() Grid {
	var next Grid
	for r := 0; r < H; r++ {
		for c := 0; c < W; c++ {
			n := g.Neighbors(r, c)
			next[r][c] = n == 3 || (g[r][c] && n == 2)
		}
	}
	return next
}

func (g Grid) String() string {
	var sb strings.Builder
	for _, row := range g {
		for _, alive := range row {
			if alive {
				sb.WriteByte('#')
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

func main() {
	var g Grid
	glider := [][2]int{{0, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}}
	for _, p := range glider {
		g[p[0]][p[1]] = true
	}
	g[5][6], g[5][7], g[5][8] = true, true, true
	for gen := 0; gen < 4; gen++ {
		fmt.Printf("gen %d:\n%v", gen, g)
		g = g.Step()
	}
}

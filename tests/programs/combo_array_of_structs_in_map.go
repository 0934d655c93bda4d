package main

import "fmt"

type Vec struct{ X, Y int }

type Board struct {
	Cells [3][3]rune
	Moves []Vec
}

func (b *Board) Play(v Vec, r rune) bool {
	if b.Cells[v.Y][v.X] != 0 {
		return false
	}
	b.Cells[v.Y][v.X] = r
	b.Moves = append(b.Moves, v)
	return true
}

func (b Board) String() string {
	s := ""
	for _, row := range b.Cells {
		for _, c := range row {
			if c == 0 {
				c = '.'
			}
			s += string(c)
		}
		s += "\n"
	}
	return s
}

func main() {
	games := map[string]*Board{"g1": {}, "g2": {}}
	games["g1"].Play(Vec{1, 1}, 'X')
	games["g1"].Play(Vec{0, 0}, 'O')
	fmt.Println(games["g1"].Play(Vec{1, 1}, 'O'))
	snapshot := *games["g1"]
	games["g1"].Play(Vec{2, 2}, 'X')
	fmt.Print(snapshot, "--\n", games["g1"])
	fmt.Println(len(snapshot.Moves), len(games["g1"].Moves), games["g2"].Moves == nil)
	byVal := map[string]Board{"v": {}}
	b := byVal["v"]
	b.Play(Vec{0, 2}, 'Z')
	fmt.Println(byVal["v"].Cells[2][0] == 0, b.Cells[2][0] == 'Z')
}

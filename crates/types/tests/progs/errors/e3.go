package main

type T [2]T

type S struct {
	next S
}

func main() {
	var x int
	var p *int
	_ = x == p
	_ = x + 1.5
	var u uint8 = 1
	_ = u + 300
	_ = int8(200)
	switch x {
	case 1:
	case 1:
	}
	break
	fallthrough
	var m map[[]int]int
	_ = m
}

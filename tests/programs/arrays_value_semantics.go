package main

import "fmt"

func modify(a [3]int) {
	a[0] = 100
	fmt.Println("inside", a)
}

func modifyPtr(a *[3]int) {
	a[0] = 100
}

func main() {
	a := [3]int{1, 2, 3}
	b := a
	b[1] = 20
	fmt.Println(a, b)
	modify(a)
	fmt.Println(a)
	modifyPtr(&a)
	fmt.Println(a)
	grid := [2][2]int{{1, 2}, {3, 4}}
	g2 := grid
	g2[0][0] = 9
	fmt.Println(grid, g2)
	for i, v := range a {
		a[2] = 50
		fmt.Print(i, ":", v, " ")
	}
	fmt.Println(a)
}

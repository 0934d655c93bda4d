package main

import "fmt"

func main() {
	rows, cols := 3, 4
	grid := make([][]int, rows)
	for i := range grid {
		grid[i] = make([]int, cols)
		for j := range grid[i] {
			grid[i][j] = i*cols + j
		}
	}
	fmt.Println(grid)
	grid[1] = append(grid[1], 99)
	fmt.Println(len(grid[0]), len(grid[1]))
	tri := [][]int{}
	for i := 0; i < 5; i++ {
		row := make([]int, i+1)
		row[0], row[i] = 1, 1
		for j := 1; j < i; j++ {
			row[j] = tri[i-1][j-1] + tri[i-1][j]
		}
		tri = append(tri, row)
	}
	for _, r := range tri {
		fmt.Println(r)
	}
}

package main

import "fmt"

func main() {
	s := []string{"a", "b", "c"}
	for i, v := range s {
		fmt.Print(i, v, " ")
	}
	fmt.Println()
	for i := range s {
		s = append(s, "x")
		_ = i
	}
	fmt.Println(len(s))
	nums := []int{1, 2, 3}
	for i, v := range nums {
		if i == 0 {
			nums[2] = 30
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	arr := [3]int{1, 2, 3}
	for i, v := range arr {
		if i == 0 {
			arr[2] = 30
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	pa := &arr
	for i, v := range pa {
		if i == 0 {
			pa[2] = 300
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	var matrix [2][3]int
	for i := range matrix {
		for j := range matrix[i] {
			matrix[i][j] = i + j
		}
	}
	fmt.Println(matrix)
}

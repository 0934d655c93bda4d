// comparable: strictly comparable types, and (Go 1.20) interfaces, whose == may panic at
// run time when the dynamic types are not comparable.
package main

import "fmt"

func Index[T comparable](xs []T, x T) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return -1
}

type Point struct{ X, Y int }

func Uniq[T comparable](xs []T) []T {
	seen := map[T]bool{}
	var out []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func main() {
	fmt.Println(Index([]string{"a", "b"}, "b"), Index([]Point{{1, 2}}, Point{1, 2}), Index([]float64{1}, 2))
	fmt.Println(Uniq([]int{3, 1, 3, 2, 1}), Uniq([]Point{{1, 1}, {1, 1}, {0, 1}}))
	fmt.Println(Index([]any{1, "x", 2.5}, any("x")), Index([]error{nil}, nil))
	arr := [2]string{"p", "q"}
	fmt.Println(Index([][2]string{{"a", "b"}, arr}, arr))
	defer func() { fmt.Println("recovered:", recover()) }()
	fmt.Println(Index([]any{[]int{1}}, any([]int{1})))
}

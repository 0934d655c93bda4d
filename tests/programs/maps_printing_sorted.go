package main

import "fmt"

type Key struct {
	A string
	B int
}

func main() {
	fmt.Println(map[string]int{"zeta": 1, "alpha": 2, "Mid": 3, "beta": 4})
	fmt.Println(map[int]string{10: "ten", -5: "neg", 3: "three", 0: "zero"})
	fmt.Println(map[float64]bool{2.5: true, -1: false, 0.1: true})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[Key]int{{"b", 1}: 1, {"a", 2}: 2, {"a", 1}: 3})
	fmt.Println(map[rune]int{'c': 3, 'a': 1, 'b': 2})
	fmt.Printf("%v\n", map[string][]int{"x": {1, 2}, "a": nil})
	fmt.Printf("%+v\n", map[string]Key{"k": {"v", 1}})
	fmt.Printf("%#v\n", map[string]int{"b": 2, "a": 1})
	fmt.Println(map[[2]int]string{{2, 1}: "x", {1, 9}: "y", {1, 2}: "z"})
	s := fmt.Sprint(map[int8]uint{3: 1, -3: 2})
	fmt.Println(s)
}

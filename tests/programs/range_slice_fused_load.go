package main

import "fmt"

type pt struct{ x, y int }

func main() {
	// Element writes during the loop are seen; reslicing or appending to the variable is not.
	s := []int{1, 2, 3, 4}
	for i, v := range s {
		if i == 0 {
			s[1] = 99
			s = s[:2]
			s = append(s, 7, 8, 9)
		}
		fmt.Print(v, " ")
	}
	fmt.Println(len(s))

	i8 := []int8{-128, -1, 127}
	u16 := []uint16{65535, 1}
	i32 := []int32{-2147483648, 5}
	f32 := []float32{1.5, -0.25}
	bs := []bool{true, false, true}
	for _, v := range i8 {
		fmt.Print(v, ",")
	}
	for _, v := range u16 {
		fmt.Print(v, ",")
	}
	for _, v := range i32 {
		fmt.Print(v, ",")
	}
	for _, v := range f32 {
		fmt.Print(v, ",")
	}
	n := 0
	for _, v := range bs {
		if v {
			n++
		}
	}
	fmt.Println(n)

	// Pointers, funcs, maps and channels: one word each.
	a, b := &pt{1, 2}, &pt{3, 4}
	ps := []*pt{a, nil, b}
	for _, p := range ps {
		if p == nil {
			fmt.Print("nil ")
			continue
		}
		p.x *= 10
		fmt.Print(*p, " ")
	}
	fmt.Println(a.x, b.x)
	fs := []func(int) int{func(x int) int { return x + 1 }, func(x int) int { return x * 2 }}
	for _, f := range fs {
		fmt.Print(f(10), " ")
	}
	ms := []map[string]int{{"a": 1}, nil}
	for _, m := range ms {
		fmt.Print(len(m), m["a"], " ")
	}
	fmt.Println()

	// Closures capture each iteration's own value (Go 1.22 semantics).
	var get []func() int
	for _, v := range []int{5, 6, 7} {
		get = append(get, func() int { return v })
	}
	for _, g := range get {
		fmt.Print(g(), " ")
	}
	fmt.Println()

	// A nil slice and an empty one run no iterations.
	var none []int
	for _, v := range none {
		fmt.Println("never", v)
	}
	for _, v := range []string{"multi-word", "elements"} {
		fmt.Print(v, " ")
	}
	fmt.Println()
}

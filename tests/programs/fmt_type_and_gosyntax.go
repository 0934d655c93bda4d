package main

import "fmt"

type P struct {
	X int
	S string
}

type N int

func main() {
	vals := []any{1, int8(1), uint(1), 1.5, float32(1.5), "s", 'r', byte(1), true, nil,
		[]int{1}, [2]string{}, map[string]bool{}, P{}, &P{}, N(3), []any{1, "a"}, struct{}{}, func() {}}
	for _, v := range vals {
		fmt.Printf("%T\n", v)
	}
	fmt.Printf("%#v\n", []any{1, "a", nil, 2.0, N(4)})
	fmt.Printf("%#v %#v\n", int64(-3), uint8(200))
	fmt.Printf("%#v\n", map[N]P{1: {2, "x"}})
	fmt.Printf("%#v\n", []*int{nil})
	fmt.Printf("%#v %#v\n", 'x', "q\"s")
	fmt.Printf("%#v %#v %#v\n", 1e6, 1e21, 0.5)
	var e error
	fmt.Printf("%v %#v %T\n", e, e, e)
}

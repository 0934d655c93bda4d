package main

import "fmt"

type P struct {
	Name string
	X, Y int16
	F    float32
	C    complex64
	A    [3]uint8
}

func show(v any) { fmt.Printf("%v %T\n", v, v) }

func main() {
	show(P{"pt", 1, -2, 1.5, 2 + 3i, [3]uint8{7, 8, 9}})
	show(P{Name: "named", Y: 4})
	show([2]string{"a", ""})
	show("hello")
	show(3.25)
	show(int64(-7))
	show(uint32(1 << 31))
	show(complex(1, 2))
	show(1e300)
	show(struct{ A, B int }{1, 2})
	var e1, e2 any = "same", "same"
	fmt.Println(e1 == e2)
	show([1]int{5})
	type K [2]int
	m := map[any]int{K{1, 2}: 3}
	fmt.Println(m[K{1, 2}])
}

package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	fmt.Println(len(s), cap(s))
	m := make(map[string]int)
	m["a"] = 1
	fmt.Println(len(m))
	fmt.Println(len("héllo"), len([3]int{}), cap([4]int{}))
	var arr [5]int
	fmt.Println(len(arr[1:3]), cap(arr[1:3]))
	p := new(int)
	*p = 7
	ps := new(struct{ A, B int })
	ps.B = 2
	fmt.Println(*p, *ps)
	const c = len([2]int{})
	fmt.Println(c)
	var ap *[6]int
	fmt.Println(len(ap), cap(ap))
	bs := make([]byte, 2)
	fmt.Println(bs, len(string(bs)))
	z := make([]string, 0, 0)
	fmt.Println(z == nil, len(z))
}

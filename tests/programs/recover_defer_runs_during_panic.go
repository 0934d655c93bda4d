package main

import "fmt"

func work(n int) (out []string) {
	defer func() {
		if r := recover(); r != nil {
			out = append(out, fmt.Sprint("recovered ", r))
		}
	}()
	for i := 0; i < n; i++ {
		defer func() { out = append(out, fmt.Sprint("defer ", i)) }()
	}
	if n > 2 {
		panic("too many")
	}
	return []string{"normal"}
}

func main() {
	fmt.Println(work(2))
	fmt.Println(work(3))
	x := func() (v int) {
		defer func() {
			recover()
			v = -1
		}()
		var m map[int]int
		m[1] = 1
		return 5
	}()
	fmt.Println(x)
}

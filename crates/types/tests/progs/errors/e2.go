package main

func f() (int, error) {
	return 1
}

func g() int {
	return 1, 2
}

func h(x int) {
	x.foo = 1
	1 = x
	const c = 10
	c = 5
	var arr [3]int
	arr[5] = 1
	_ = 10 / 0
	var e interface{ M() }
	_ = e.(int)
	for {
		continue L
	}
}

func main() {}

package main

func f() int {
	if true {
		return 1
	} else {
	}
}

func g(x int) int {
	switch x {
	case 1:
		return 1
	default:
		panic("x")
	}
}

func h() {
	x := 1
	func() {
		y := 2
	}()
	var unused int
}

func main() {
	var m map[string]int
	m.foo()
	var s string
	s[0] = 'a'
	_ = s + 1
	var b bool = 1
	_ = b
	_ = 1 << 1.5
	const c = 1.5
	var i int = c
	_ = i
}

package main

type T struct{ v int }

func kind(x interface{}) int {
	switch y := x.(type) {
	case *T:
		return y.v
	case int:
		return y
	}
	return 0
}

func main() {
	println(kind(&T{3}), kind(4))
}

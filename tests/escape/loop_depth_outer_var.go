package main

type P struct{ v int }

func main() {
	var last *P
	for i := 0; i < 3; i++ {
		last = &P{i}
	}
	println(last.v)
}

package main

type P struct{ v int }

func main() {
	sum := 0
	for i := 0; i < 3; i++ {
		p := &P{i}
		sum += p.v
	}
	println(sum)
}

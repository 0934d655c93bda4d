package main

func main() {
	total := 0
	add := func(n int) { total += n }
	for i := 0; i < 4; i++ {
		add(i)
	}
	println(total)
}

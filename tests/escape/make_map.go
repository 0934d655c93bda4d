package main

var gm map[string]int

func main() {
	m := make(map[string]int)
	m["a"] = 1
	gm = make(map[string]int)
	println(len(m), len(gm))
}

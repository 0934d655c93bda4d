package main

func main() {
	m := map[string][]int{}
	for i := 0; i < 3; i++ {
		m["a"] = append(m["a"], i)
	}
	println(len(m["a"]))
}

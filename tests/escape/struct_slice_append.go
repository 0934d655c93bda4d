package main

type Item struct{ k string; v int }

func collect(n int) []Item {
	var out []Item
	for i := 0; i < n; i++ {
		out = append(out, Item{"k", i})
	}
	return out
}

func main() { println(len(collect(3))) }

package main

type T struct{ v int }

var g = &T{1}

func get() *T { return g }

func main() {
	t := &T{2}
	println(get().v + t.v)
}

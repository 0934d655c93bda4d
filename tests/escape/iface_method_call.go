package main

type Getter interface{ Get() int }

type T struct{ v int }

func (t *T) Get() int { return t.v }

func main() {
	var g Getter = &T{5}
	println(g.Get())
}

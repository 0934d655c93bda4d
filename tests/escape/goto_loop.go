package main

type P struct{ v int }

func main() {
	var keep *P
	i := 0
loop:
	p := &P{i}
	keep = p
	i++
	if i < 3 {
		goto loop
	}
	println(keep.v)
}

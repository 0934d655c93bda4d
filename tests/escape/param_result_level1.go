package main

func deref(pp **int) *int { return *pp }

func main() {
	x := 1
	p := &x
	q := deref(&p)
	println(*q)
}

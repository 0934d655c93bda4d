package main

func main() {
	x := 1
	p := &x
	f := func() { *p = 2 }
	f()
	println(x)
}

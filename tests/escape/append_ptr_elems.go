package main

func main() {
	var ps []*int
	x := 1
	ps = append(ps, &x)
	println(*ps[0])
}

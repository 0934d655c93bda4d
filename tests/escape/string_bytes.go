package main

var gb []byte

func main() {
	s := "hello"
	b := []byte(s)
	println(len(b))
	gb = []byte(s)
	t := string(b)
	println(t)
}

package main

func main() {
	s := "héllo"
	r := []rune(s)
	println(len(r), string(r))
}

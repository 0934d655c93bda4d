package main

import "strconv"

func main() {
	s := strconv.Itoa(42)
	n, err := strconv.Atoi("17")
	println(s, n, err == nil)
}

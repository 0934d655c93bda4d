package main

import "strings"

func main() {
	parts := []string{"a", "b"}
	s := strings.Join(parts, ",")
	println(s)
}

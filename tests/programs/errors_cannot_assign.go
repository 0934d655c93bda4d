package main

import "fmt"

type P struct{ X int }

func get() P { return P{} }

func main() {
	s := "hello"
	s[0] = 'H'
	m := map[string]P{"a": {1}}
	m["a"].X = 2
	get().X = 3
	const k = 1
	k = 2
	fmt.Println(s, m)
}

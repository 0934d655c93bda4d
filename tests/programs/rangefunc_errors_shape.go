package main

// Functions that cannot be ranged over (types2's reasons), and a user-defined boolean.

type B bool

func main() {
	var g func(func(int))
	for x := range g {
		_ = x
	}
	var h func(func(int, int, int) bool)
	for x := range h {
		_ = x
	}
	var k func(func(int) bool) int
	for x := range k {
		_ = x
	}
	var m func(int)
	for x := range m {
		_ = x
	}
	var n func()
	for range n {
	}
	var b func(func(int) B)
	for x := range b {
		_ = x
	}
}

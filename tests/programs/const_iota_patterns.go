package main

import "fmt"

const (
	A = iota
	B
	_
	D
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	X, Y = iota, iota * 10
	Z, W
)

const (
	First  = "first"
	Second = iota
	Third
)

type Level uint8

const (
	Debug Level = iota + 1
	Info
	Warn = Level(10) + iota
	Error
)

func main() {
	fmt.Println(A, B, D)
	fmt.Println(KB, MB, GB)
	fmt.Println(X, Y, Z, W)
	fmt.Println(First, Second, Third)
	fmt.Println(Debug, Info, Warn, Error)
	fmt.Printf("%T %T\n", Warn, Second)
	const local = iota
	fmt.Println(local)
}

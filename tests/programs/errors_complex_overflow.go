package main

import "fmt"

// Each part of a typed complex constant must fit its float type.
func main() {
	var a complex64 = 1e39i
	var b complex128 = 1e309 + 1i
	const c complex64 = 1e38
	fmt.Println(a, b, c*10)
	_ = complex64(1e300 + 0i)
}

package main

import "fmt"

const d = 1e5000

func main() {
	var a int = 1.5
	var b float32 = 1e50
	var c float64 = 1e400
	var e int = d
	var f uint8 = 2.0 * 200
	var g = 1 / 0.0
	const h = 0.1 + 0.2
	var i int = h * 10
	var j int = h * 3
	fmt.Println(a, b, c, e, f, g, i, j, int(2.5), int64(1e19))
}

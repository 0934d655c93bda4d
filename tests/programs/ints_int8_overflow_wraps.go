package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b int8 = -128
	b--
	fmt.Println(b)
	var c int16 = 32767
	c += 2
	fmt.Println(c)
	var d int32 = 1 << 30
	d *= 4
	fmt.Println(d)
	var e int64 = 1<<63 - 1
	e++
	fmt.Println(e)
	var f int8 = -128
	fmt.Println(-f, f/-1)
	var g int8 = 100
	fmt.Println(g*3, g+g)
}

package main

import "fmt"

func main() {
	var bt byte = 300
	var r rune = 1 << 40
	var ifc interface{} = 1
	var an any = 2
	var q int = ifc
	var q2 int = an
	var bs []byte = "x"
	var m map[string]interface{} = 5
	var rs []rune = 7
	bt = 256
	fmt.Println(bt, r, q, q2, bs, m, rs)
}

package main

import (
	"fmt"
	"math"
)

const Big = 1 << 100
const Pi2 = math.Pi * 2

type Duration int64

const Second Duration = 1000

func main() {
	fmt.Println(Big >> 90)
	fmt.Println(Pi2)
	const f = 1.0
	var i int = f
	var u uint8 = 255
	fmt.Println(i, u)
	fmt.Println(Second*3, Second/7)
	fmt.Printf("%T\n", Second*2)
	const c = 'a' + 1
	fmt.Printf("%v %T\n", c, c)
	const s = "con" + "cat"
	fmt.Println(s, len(s))
	const h = 5 / 2
	const hf = 5 / 2.0
	fmt.Println(h, hf)
	var x float32 = 1 / 3.0
	fmt.Println(x)
	const maxU = math.MaxUint64
	fmt.Println(uint64(maxU), math.MaxInt64, math.MinInt64)
	const t = true && !false
	fmt.Println(t)
}

package main

import "fmt"

func main() {
	x := 10
	x += 5
	x -= 3
	x *= 2
	x /= 5
	x %= 3
	fmt.Println(x)
	y := 0xF0
	y &= 0x3C
	y |= 1
	y ^= 0xFF
	y &^= 0x0F
	y <<= 2
	y >>= 3
	fmt.Println(y)
	s := "a"
	s += "b" + "c"
	fmt.Println(s)
	f := 1.5
	f *= 4
	f /= 3
	fmt.Println(f)
	arr := []int{1, 2, 3}
	i := 0
	arr[i] += 10
	arr[len(arr)-1] *= 7
	fmt.Println(arr)
	n := 5
	n++
	n--
	n--
	fmt.Println(n)
}

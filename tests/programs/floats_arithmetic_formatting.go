package main

import "fmt"

func main() {
	fmt.Println(0.1+0.2, 1.0/3.0, 2.0/3.0)
	fmt.Println(1e20, 1e21, 1e-4, 1e-5, 123456789.0)
	big := 1.5e300
	fmt.Println(100.0, 3.0, -0.5, big*1.5e10)
	var f32 float32 = 1.0 / 3.0
	fmt.Println(f32, float32(16777217), float32(0.1)+float32(0.2))
	x := 10.0
	y := 0.0
	fmt.Println(x/y, -x/y, y/y == y/y)
	fmt.Println(7.0/2, float64(7)/2, float64(7/2))
	var z float64 = -0.0
	nz := -y
	fmt.Println(z, nz, 1/nz)
	fmt.Println(2.5e-310, 5e-324)
}

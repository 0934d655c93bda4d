// A constant on the left of a commutative integer operation takes the immediate form
// (crates/compile/src/ops.rs); results wrap to the operand type as on the right.
package main

import "fmt"

func main() {
	var i8 int8 = 100
	var u8 uint8 = 200
	var i16 int16 = -30000
	var u32 uint32 = 4000000000
	var i int = -7
	var u uint64 = 1 << 63
	fmt.Println(3*i8, 0xff&u8, 2*i16, 3+u32, -1^i, 1|i, 5*u, 0x0f&i8, 7^u8)
	for k := int8(120); k < 126; k += 3 {
		fmt.Print(2*k, " ", 100+k, " ")
	}
	fmt.Println()
	calls := 0
	f := func() int { calls++; return calls }
	fmt.Println(10*f(), 3+f(), 6&f(), calls)
}

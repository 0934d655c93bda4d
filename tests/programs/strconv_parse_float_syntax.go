package main

import (
	"fmt"
	"strconv"
)

// ParseFloat reads Go's float syntax: signs, inf/infinity/nan in any case, hexadecimal
// mantissas with a p exponent, underscores only between digits; bitSize 32 rounds to
// float32.
func main() {
	for _, s := range []string{"1.1", "-0", "+.5", "5.", "1e10", "1E-5", "0x1p-1074", "0x1.fffffffffffff8p1023",
		"0X.8p1", "0x1p", "0x1", "1e", "1e+", "inf", "-Infinity", "+INF", "nan", "NaN", "infin", "1_000.5",
		"_1", "1__0", "0x_1p0", "1e400", "-1e400", "1e-400", "3.4028236e38", "1.5e-45", "0x1p-150", "0x1.000001p0",
		"", ".", "e5", "1.2.3", " 1", "1 ", "0b101", "123456789012345678901234567890"} {
		f, err := strconv.ParseFloat(s, 64)
		g, err32 := strconv.ParseFloat(s, 32)
		fmt.Printf("%-26q %v %v | %v %v\n", s, f, err, g, err32)
	}
	fmt.Println(strconv.FormatFloat(0.1, 'e', 20, 32), strconv.FormatFloat(0.1, 'x', -1, 32))
}

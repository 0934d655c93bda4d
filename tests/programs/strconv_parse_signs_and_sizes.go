// strconv's integer parsing at the edges of its decimal fast path: signs (ParseUint takes
// none, not even '+'), leading zeros, 18 and 19 digits, the 64-bit limits, a smaller bit
// size, underscores (only with base 0), and bytes that are not ASCII digits.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-0", "+5", "-5", "007", "123456789012345678", "-123456789012345678",
		"9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
		"", "-", "+", "1_000", "12a", " 1", "\u0663", "127", "128", "-128", "-129"} {
		v, err := strconv.Atoi(s)
		fmt.Printf("%q Atoi: %d %v\n", s, v, err)
		w, err := strconv.ParseInt(s, 10, 8)
		fmt.Printf("%q ParseInt8: %d %v\n", s, w, err)
		u, err := strconv.ParseUint(s, 10, 64)
		fmt.Printf("%q ParseUint: %d %v\n", s, u, err)
		z, err := strconv.ParseInt(s, 0, 64)
		fmt.Printf("%q ParseInt0: %d %v\n", s, z, err)
	}
}

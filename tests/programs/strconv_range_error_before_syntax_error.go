// strconv parses digit by digit as Go does: a value past the bit size is a range error
// before a bad character later on (Atoi("777777777777777777777/") is out of range, found
// by the differential generator), and underscores are checked last, base 0 only.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"777777777777777777777/", "-1000000000000000000000000000000000 x", "12", "-9223372036854775808", "9223372036854775808", "1_000", "x", "", "+-1", "99999999999999999999"} {
		n, err := strconv.Atoi(s)
		fmt.Println(n, err)
	}
	for _, s := range []string{"0x_1f", "1__0", "_1", "1_", "0b1_0", "0o17", "017", "0x", "300x", "-129", "1_000"} {
		v, err := strconv.ParseInt(s, 0, 8)
		u, err2 := strconv.ParseUint(s, 0, 8)
		w, err3 := strconv.ParseInt(s, 10, 64)
		fmt.Println(v, err, u, err2, w, err3)
	}
}

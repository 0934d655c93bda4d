// Integers at their extremes in every base strconv and fmt write: zero, signs, the
// largest and smallest int64, the largest uint64.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, v := range []int64{0, 1, -1, 9, 10, -10, 1 << 62, -1 << 63, 1<<63 - 1, 255, -255} {
		fmt.Println(strconv.FormatInt(v, 10), strconv.FormatInt(v, 2), strconv.FormatInt(v, 16), strconv.FormatInt(v, 36), strconv.Itoa(int(v)))
		fmt.Printf("%d %x %X %o %O %b %08d %+d %-6d| %#x\n", v, v, v, v, v, v, v, v, v, v)
	}
	fmt.Println(strconv.FormatUint(1<<64-1, 10), strconv.FormatUint(1<<64-1, 2), strconv.FormatUint(1<<64-1, 36))
	fmt.Printf("%d %x\n", uint64(1<<64-1), uint64(1<<64-1))
}

// ParseDuration: every unit, signs, fractions, combinations, overflow and Go's error
// messages.
package main

import (
	"fmt"
	"time"
)

func main() {
	ins := []string{
		"0", "+0", "-0", "5s", "30s", "1478s", "-5s", "+5s", "-0s", "5.0s", "5.6s",
		"5.s", ".5s", "1.0s", "1.00s", "1.004s", "1.0040s", "100.00100s",
		"10ns", "11us", "12µs", "12μs", "13ms", "14s", "15m", "16h",
		"3h30m", "10.5s4m", "-2m3.4s", "1h2m3s4ms5us6ns", "39h9m14.425s",
		"52763797000ns", "0.3333333333333333333h", "9007199254740993ns",
		"9223372036854775807ns", "9223372036854775.807us", "9223372036s854ms775us807ns",
		"-9223372036854775808ns", "-9223372036854775.808us", "0.100000000000000000000h",
		"0.830103483285477580700h",
		"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\x85\x85", "\xffff",
		"hello \xffff world", "9223372036854775808ns", "9223372036854775.808us",
		"-9223372036854775809ns", "3000000h", "9223372036854775808h", "1.5.5s", "1e3s",
	}
	for _, s := range ins {
		d, err := time.ParseDuration(s)
		if err != nil {
			fmt.Printf("%q: error %v\n", s, err)
			continue
		}
		fmt.Printf("%q: %v (%d)\n", s, d, int64(d))
	}
}

// Time.Round and Time.Truncate against zero time for many multiples (including ones
// that do not divide a second or a day), on instants before and after year 1.
package main

import (
	"fmt"
	"time"
)

func main() {
	ts := []time.Time{
		time.Date(2024, 5, 17, 13, 47, 31, 987654321, time.UTC),
		time.Date(2024, 5, 17, 13, 47, 31, 500000000, time.FixedZone("F", -3*3600)),
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(-5, 6, 7, 8, 9, 10, 11, time.UTC),
		time.Unix(1700000000, 123).UTC(),
	}
	ds := []time.Duration{
		0, -time.Second, 1, 3, time.Microsecond, time.Millisecond, 7 * time.Millisecond,
		time.Second, 7 * time.Second, time.Minute, 15 * time.Minute, time.Hour,
		24 * time.Hour, 7 * 24 * time.Hour, 1000*time.Hour + 1, 1<<62 + 5,
	}
	for _, t := range ts {
		fmt.Println("==", t)
		for _, d := range ds {
			fmt.Printf("%v: %v | %v\n", d, t.Round(d).Format(time.RFC3339Nano), t.Truncate(d).Format(time.RFC3339Nano))
		}
	}
}

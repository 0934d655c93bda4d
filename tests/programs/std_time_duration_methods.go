// Duration: String in all its forms, the unit conversions, Round, Truncate and Abs with
// their saturation at the extremes.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	ds := []time.Duration{
		0, 1, 999, 1000, 1001, 1500 * time.Microsecond, time.Millisecond,
		999999999, time.Second, 1500 * time.Millisecond, 61 * time.Second,
		time.Hour + time.Minute + time.Second + time.Millisecond,
		100 * time.Hour, -time.Minute, -1, -1500, math.MaxInt64, math.MinInt64,
		time.Duration(90061001001001),
	}
	for _, d := range ds {
		fmt.Printf("%d %v %s %q\n", int64(d), d, d.String(), d)
	}
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d.Hours(), d.Minutes(), d.Seconds())
	fmt.Println(d.Milliseconds(), d.Microseconds(), d.Nanoseconds())
	fmt.Println((-d).Hours(), time.Duration(1).Seconds())

	ms := []time.Duration{0, -1, 1, time.Second, 2 * time.Second, time.Minute, time.Hour, 7 * time.Millisecond}
	for _, m := range ms {
		fmt.Println(m, d.Round(m), d.Truncate(m), (-d).Round(m), (-d).Truncate(m))
	}
	fmt.Println(time.Duration(15).Round(10), time.Duration(25).Round(10), time.Duration(-15).Round(10))
	fmt.Println(time.Duration(math.MaxInt64).Round(time.Hour))
	fmt.Println(time.Duration(math.MinInt64).Round(time.Hour))
	fmt.Println(time.Duration(math.MinInt64).Abs(), time.Duration(-5).Abs(), time.Duration(5).Abs())
	fmt.Println(time.Duration(math.MinInt64+1).Abs())
	fmt.Println(time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)
	fmt.Printf("%T %v %5.2f\n", time.Second, time.Second*2, time.Minute.Minutes())
}

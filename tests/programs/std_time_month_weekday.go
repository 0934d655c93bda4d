// Month and Weekday: String for valid and out-of-range values, arithmetic, and how fmt
// prints them with each verb.
package main

import (
	"fmt"
	"time"
)

func main() {
	for m := time.Month(-1); m <= 14; m++ {
		fmt.Print(m, " ")
	}
	fmt.Println()
	for d := time.Weekday(-2); d <= 8; d++ {
		fmt.Print(d.String(), " ")
	}
	fmt.Println()
	fmt.Printf("%v %d %s %q %x\n", time.July, time.July, time.July, time.July, time.July)
	fmt.Printf("%v %d %s %5s|%-9v|\n", time.Saturday, time.Saturday, time.Saturday, time.Monday, time.Friday)
	fmt.Println(time.December+1, time.Month(0), time.Weekday(7), time.Sunday-1)
	fmt.Println(time.February.String()[:3], len(time.September.String()))
	type pair struct {
		M time.Month
		D time.Weekday
	}
	fmt.Printf("%v %+v\n", pair{time.May, time.Tuesday}, pair{13, 7})
	days := map[time.Weekday]int{time.Monday: 1, time.Sunday: 0}
	fmt.Println(days)
}

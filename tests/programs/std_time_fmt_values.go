// How fmt prints time values inside other values: structs, slices, maps and pointers
// holding Duration, Time, Month, Weekday and *Location, with %v, %+v, %s, %d and %#v.
package main

import (
	"fmt"
	"time"
)

type Event struct {
	Name  string
	At    time.Time
	Took  time.Duration
	Month time.Month
	Loc   *time.Location
}

func main() {
	at := time.Date(2022, 8, 9, 10, 11, 12, 13, time.FixedZone("Z1", 3600))
	e := Event{"launch", at, 1500 * time.Millisecond, time.August, time.UTC}
	fmt.Printf("%v\n%+v\n", e, e)
	fmt.Println([]time.Duration{time.Second, 2 * time.Hour, -3}, map[string]time.Duration{"a": time.Minute})
	fmt.Printf("%d %s %v %x\n", time.Second, time.Second, []any{time.Second, time.May, time.Sunday}, time.Duration(255))
	fmt.Printf("%#v %#v %#v\n", time.Second, time.May, at)
	fmt.Printf("%#v\n", []time.Time{at.UTC(), time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -3600))})
	var zero Event
	fmt.Printf("%v\n%+v\n", zero, zero)
	fmt.Println(&e.Took, e.Took.String(), fmt.Sprint(e.At) == e.At.String())
	fmt.Printf("[%12v] [%-12v] [%.3v]\n", time.Second, time.Minute, time.Hour)
	fmt.Printf("%s|%v|%q\n", e.Loc, time.FixedZone("abc", 0), time.UTC)
	type wrap struct{ D *time.Duration }
	d := 7 * time.Microsecond
	fmt.Printf("%v %+v\n", *wrap{&d}.D, wrap{nil})
}

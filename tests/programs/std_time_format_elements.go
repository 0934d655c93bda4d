// Time.Format's layout elements one by one: every spelling of year, month, day, weekday,
// hour, minute, second, fractional seconds (.000 .999 ,000 ,999, in and out of a
// seconds field), AM/PM and zones, plus text that only looks like an element.
package main

import (
	"fmt"
	"time"
)

func main() {
	elems := []string{
		"2006", "06", "01", "1", "Jan", "January", "02", "2", "_2", "__2", "002",
		"Mon", "Monday", "15", "3", "03", "4", "04", "5", "05", "PM", "pm",
		"MST", "Z0700", "Z070000", "Z07", "Z07:00", "Z07:00:00", "-0700", "-070000",
		"-07", "-07:00", "-07:00:00", ".0", ".00", ".000", ".000000", ".000000000",
		".9", ".99", ".999", ".999999", ".999999999", ",000", ",999", "05.000", "05,999",
		"15:04:05.999999999", "Janu", "Mond", "2006-01-02T15:04:05Z07:00",
		"January 2, 2006 at 3:04pm (MST)", "Jan _2 __2 002", "x1x", "11", "0.000",
		"TZ", "ZZ07", "year 2006 day 002 hour 15", "", "Monday Mon Mon.",
	}
	zones := []*time.Location{
		time.UTC, time.FixedZone("PDT", -7*3600), time.FixedZone("", 5*3600+30*60),
		time.FixedZone("", 3600+2*60+3), time.FixedZone("ODD", -(3*3600 + 25)),
	}
	times := []time.Time{
		time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC),
		time.Date(2023, 10, 9, 0, 7, 9, 120000000, time.UTC),
		time.Date(5, 12, 31, 12, 59, 59, 999999999, time.UTC),
		time.Date(2024, 3, 1, 9, 0, 0, 1000, time.UTC),
	}
	for _, e := range elems {
		fmt.Printf("%q:", e)
		for _, t := range times {
			fmt.Printf(" %q", t.Format(e))
		}
		fmt.Println()
	}
	for _, z := range zones {
		t := times[1].In(z)
		fmt.Println(t.Format("Z07:00 Z0700 -07:00:00 Z07 MST -07"), "|", t)
	}
	b := []byte("prefix:")
	b = times[0].AppendFormat(b, time.Kitchen)
	fmt.Println(string(b), times[0].AppendFormat(nil, "") == nil)
	fmt.Println(time.Date(-42, 1, 2, 3, 4, 5, 0, time.UTC).Format("2006 06 002"))
	fmt.Println(time.Date(12345, 1, 2, 3, 4, 5, 0, time.UTC).Format(time.RFC3339))
}

// Time.Format with every predefined layout constant, in UTC, a fixed zone east and west
// of UTC, and on dates whose fields have one and two digits.
package main

import (
	"fmt"
	"time"
)

func main() {
	layouts := []struct {
		name, layout string
	}{
		{"Layout", time.Layout}, {"ANSIC", time.ANSIC}, {"UnixDate", time.UnixDate},
		{"RubyDate", time.RubyDate}, {"RFC822", time.RFC822}, {"RFC822Z", time.RFC822Z},
		{"RFC850", time.RFC850}, {"RFC1123", time.RFC1123}, {"RFC1123Z", time.RFC1123Z},
		{"RFC3339", time.RFC3339}, {"RFC3339Nano", time.RFC3339Nano}, {"Kitchen", time.Kitchen},
		{"Stamp", time.Stamp}, {"StampMilli", time.StampMilli}, {"StampMicro", time.StampMicro},
		{"StampNano", time.StampNano}, {"DateTime", time.DateTime}, {"DateOnly", time.DateOnly},
		{"TimeOnly", time.TimeOnly},
	}
	times := []time.Time{
		time.Date(2009, time.November, 10, 23, 4, 5, 123456789, time.UTC),
		time.Date(2024, time.February, 3, 4, 5, 6, 7000, time.FixedZone("CET", 3600)),
		time.Date(1999, time.December, 31, 12, 0, 0, 0, time.FixedZone("", -(9*3600+30*60))),
		time.Date(2021, time.July, 4, 0, 30, 0, 500000000, time.FixedZone("XYZ", 5*3600+45*60+15)),
	}
	for _, t := range times {
		fmt.Println("==", t)
		for _, l := range layouts {
			fmt.Printf("%-12s %q\n", l.name, t.Format(l.layout))
		}
	}
	fmt.Println(time.Layout, "|", time.RFC3339Nano, "|", time.StampNano)
}

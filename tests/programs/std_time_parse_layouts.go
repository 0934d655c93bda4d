// Parse and ParseInLocation with the predefined layouts and with layout elements one at a
// time: what each accepts, the Time it gives and the zone it ends up in.
package main

import (
	"fmt"
	"time"
)

func main() {
	cases := [][2]string{
		{time.Layout, "01/02 03:04:05PM '06 -0700"},
		{time.ANSIC, "Thu Feb  4 21:00:57 2010"},
		{time.UnixDate, "Thu Feb  4 21:00:57 PST 2010"},
		{time.RubyDate, "Thu Feb 04 21:00:57 -0800 2010"},
		{time.RFC822, "04 Feb 10 2100 UTC"},
		{time.RFC822Z, "04 Feb 10 2100 +0530"},
		{time.RFC850, "Thursday, 04-Feb-10 21:00:57 GMT"},
		{time.RFC1123, "Thu, 04 Feb 2010 21:00:57 UTC"},
		{time.RFC1123Z, "Thu, 04 Feb 2010 21:00:57 -0800"},
		{time.RFC3339, "2010-02-04T21:00:57-08:00"},
		{time.RFC3339, "2010-02-04T21:00:57Z"},
		{time.RFC3339, "2010-02-04T21:00:57.012345678+01:00"},
		{time.RFC3339Nano, "2010-02-04T21:00:57.0123Z"},
		{time.Kitchen, "3:04AM"},
		{time.Kitchen, "12:00PM"},
		{time.Kitchen, "12:30am"},
		{time.Stamp, "Feb  4 21:00:57"},
		{time.StampMilli, "Feb  4 21:00:57.012"},
		{time.StampNano, "Feb  4 21:00:57.012345678"},
		{time.DateTime, "2024-02-29 23:59:59"},
		{time.DateOnly, "2024-02-29"},
		{time.TimeOnly, "07:08:09"},
		{"2006-01-02 15:04:05.000", "2010-02-04 21:00:57.012"},
		{"2006-01-02 15:04:05,999", "2010-02-04 21:00:57,5"},
		{"2006-01-02 15:04:05", "2010-02-04 21:00:57.123456"},
		{"2006 002", "2024 060"},
		{"2006 __2", "2023 365"},
		{"Jan _2 2006", "Feb  4 2010"},
		{"January 2, 2006", "february 14, 2010"},
		{"Mon Jan 2 2006", "Sunday Feb 7 2010"},
		{"06-1-2", "69-1-2"},
		{"06-1-2", "68-1-2"},
		{"2006-01-02 MST", "2010-02-04 GMT+3"},
		{"2006-01-02 MST", "2010-02-04 GMT-12"},
		{"2006-01-02 MST", "2010-02-04 ChST"},
		{"2006-01-02 MST", "2010-02-04 UTC"},
		{"2006-01-02 Z07:00:00", "2010-02-04 +01:02:03"},
		{"2006-01-02 -07", "2010-02-04 -03"},
		{"2006-01-02 Z0700", "2010-02-04 Z"},
		{"15:04:05.000000000", "01:02:03.000000001"},
		{"3:04:05 pm", "11:59:59 am"},
	}
	for _, c := range cases {
		t, err := time.Parse(c[0], c[1])
		if err != nil {
			fmt.Printf("%q %q: %v\n", c[0], c[1], err)
			continue
		}
		name, off := t.Zone()
		fmt.Printf("%q -> %v [%s %d]\n", c[1], t, name, off)
	}
	est := time.FixedZone("EST", -5*3600)
	for _, v := range []string{"2010-02-04 21:00 EST", "2010-02-04 21:00 PST", "2010-02-04 21:00 +0000"} {
		l := "2006-01-02 15:04 MST"
		if v[len(v)-5] == '+' {
			l = "2006-01-02 15:04 -0700"
		}
		t, err := time.ParseInLocation(l, v, est)
		fmt.Println(t, err, t.Location())
	}
	t, err := time.ParseInLocation(time.DateTime, "2024-06-01 12:00:00", time.FixedZone("X", 7200))
	fmt.Println(t, err, t.UTC())
}

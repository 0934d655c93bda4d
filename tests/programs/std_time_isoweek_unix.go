// ISOWeek around year boundaries, YearDay, and the Unix conversions both ways (seconds,
// milli-, micro- and nanoseconds, negative and normalized nanoseconds).
package main

import (
	"fmt"
	"time"
)

func main() {
	dates := [][3]int{
		{2004, 12, 31}, {2005, 1, 1}, {2005, 1, 2}, {2005, 1, 3}, {2007, 12, 30},
		{2007, 12, 31}, {2008, 1, 1}, {2008, 12, 28}, {2008, 12, 29}, {2009, 12, 31},
		{2010, 1, 3}, {2010, 1, 4}, {2020, 12, 31}, {2021, 1, 3}, {2024, 12, 30},
		{1, 1, 1}, {-1, 12, 31}, {2026, 6, 15},
	}
	for _, d := range dates {
		t := time.Date(d[0], time.Month(d[1]), d[2], 12, 0, 0, 0, time.UTC)
		y, w := t.ISOWeek()
		fmt.Println(t.Format("2006-01-02 Mon"), y, w, t.YearDay())
	}
	for _, s := range []int64{0, 1, -1, 86399, 1e9, 1700000000, -62135596800, 253402300799, 1 << 40} {
		t := time.Unix(s, 0).UTC()
		fmt.Println(s, t, t.Unix(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())
	}
	fmt.Println(time.Unix(1, -1).UTC(), time.Unix(1, 2e9+5).UTC(), time.Unix(-1, -1e9-1).UTC())
	fmt.Println(time.UnixMilli(-1).UTC(), time.UnixMilli(1712345678901).UTC())
	fmt.Println(time.UnixMicro(-1).UTC(), time.UnixMicro(1712345678901234).UTC())
	t := time.Date(2024, 4, 5, 6, 7, 8, 912345678, time.UTC)
	fmt.Println(t.Unix(), t.UnixMilli(), t.UnixMicro(), t.UnixNano())
	neg := time.Date(1969, 12, 31, 23, 59, 59, 500000000, time.UTC)
	fmt.Println(neg.Unix(), neg.UnixMilli(), neg.UnixMicro(), neg.UnixNano())
	fmt.Println(time.Unix(0, 0).UTC().Equal(time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)))
	fmt.Println(time.Unix(0, 0).Location() == time.Local, time.Unix(0, 0).UTC().Location())
}

// The zero Time, Date with fields out of range (normalized as Go does), the calendar
// accessors and the Time printing forms.
package main

import (
	"fmt"
	"time"
)

func main() {
	var z time.Time
	fmt.Println(z)
	fmt.Println(z.IsZero(), z.Year(), z.Month(), z.Day(), z.Weekday(), z.YearDay())
	fmt.Printf("%v|%s|%d\n", z.Location(), z.Location(), z.Unix())

	t := time.Date(2023, time.March, 5, 7, 8, 9, 10, time.UTC)
	fmt.Println(t, t.IsZero())
	y, m, d := t.Date()
	h, mi, s := t.Clock()
	fmt.Println(y, m, d, h, mi, s, t.Nanosecond(), t.Weekday(), t.YearDay())
	fmt.Println(t.Hour(), t.Minute(), t.Second(), t.Month() == time.March)

	// Overflowing fields carry into the next larger one; negative ones borrow.
	fmt.Println(time.Date(2023, 13, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2023, 2, 29, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2023, 1, 0, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2023, 0, 0, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(2023, 1, 1, 25, 61, 61, 1e9+5, time.UTC))
	fmt.Println(time.Date(2023, 1, 1, -1, -1, -1, -1, time.UTC))
	fmt.Println(time.Date(2000, -25, 400, 0, 0, 0, 0, time.UTC))

	// Years far from now, before year 1 and past 9999.
	fmt.Println(time.Date(-1, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(time.Date(0, 12, 31, 23, 59, 59, 0, time.UTC))
	fmt.Println(time.Date(12345, 6, 7, 8, 9, 10, 0, time.UTC))
	fmt.Println(time.Date(1600, 2, 29, 0, 0, 0, 0, time.UTC).Weekday())
	fmt.Println(time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC).YearDay())

	// Every day of one week, and the last day of each month of a leap year.
	for i := 0; i < 7; i++ {
		fmt.Print(time.Date(2024, 12, 29+i, 0, 0, 0, 0, time.UTC).Weekday(), " ")
	}
	fmt.Println()
	for mo := time.January; mo <= time.December; mo++ {
		fmt.Print(time.Date(2024, mo+1, 0, 0, 0, 0, 0, time.UTC).Day(), " ")
	}
	fmt.Println()
	fmt.Println(t.String() == fmt.Sprint(t), t.GoString())
	fmt.Printf("%#v\n", z)
}

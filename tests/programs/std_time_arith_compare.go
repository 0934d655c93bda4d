// Time arithmetic: Add, Sub (saturating), AddDate normalizing like Date, and the
// comparisons After, Before, Compare and Equal across zones.
package main

import (
	"fmt"
	"math"
	"time"
)

func main() {
	t := time.Date(2024, time.January, 31, 22, 30, 0, 0, time.UTC)
	fmt.Println(t.AddDate(0, 1, 0))
	fmt.Println(t.AddDate(0, 0, 1), t.AddDate(1, 1, 1), t.AddDate(-1, -13, -400))
	fmt.Println(time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC).AddDate(1, 0, 0))
	fmt.Println(time.Date(2023, 3, 31, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0))
	fmt.Println(t.Add(90*time.Minute), t.Add(-48*time.Hour), t.Add(1))
	fmt.Println(t.Add(time.Duration(math.MaxInt64)))
	fmt.Println(t.Add(time.Duration(math.MinInt64)))

	u := time.Date(2024, time.March, 10, 2, 0, 0, 5, time.UTC)
	fmt.Println(u.Sub(t), t.Sub(u), u.Sub(u))
	far := time.Date(2500, 1, 1, 0, 0, 0, 0, time.UTC)
	var zero time.Time
	fmt.Println(far.Sub(zero), zero.Sub(far))

	east := time.FixedZone("E", 2*3600)
	same := t.In(east)
	fmt.Println(same, same.Equal(t), same == t, same.Compare(t))
	fmt.Println(t.Before(u), t.After(u), u.After(t), t.Compare(u), u.Compare(t))
	fmt.Println(t.Add(1).After(t), t.Add(-1).Compare(t), zero.Before(t))

	for _, d := range []int{1, 2, 3, 28, 29, 30, 31, 365, 366} {
		fmt.Print(time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d).Format("01-02 "), " ")
	}
	fmt.Println()
	for m := -14; m <= 14; m += 7 {
		fmt.Print(time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC).AddDate(0, m, 0).Format(time.DateOnly), " ")
	}
	fmt.Println()
	fmt.Println(time.Unix(0, 0).UTC().AddDate(0, 0, -1).Weekday())
}

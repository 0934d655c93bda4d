// Parse's errors: Go's ParseError messages for text that does not match the layout, out
// of range fields, bad zones and fractions, and the fields of a *ParseError.
package main

import (
	"errors"
	"fmt"
	"time"
)

func main() {
	cases := [][2]string{
		{"2006-01-02", "x"},
		{"2006-01-02", "2024-13-01"},
		{"2006-01-02", "2024-02-30"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02", "2024-00-10"},
		{"2006-01-02", "2024-1-10"},
		{"2006-01-02", "2024-01-10 extra"},
		{"2006-01-02 15:04", "2024-01-10 24:00"},
		{"2006-01-02 15:04", "2024-01-10 23:60"},
		{"2006-01-02 15:04:05", "2024-01-10 23:59:60"},
		{"3:04PM", "13:04PM"},
		{"3:04PM", "3:04XM"},
		{"Jan 2", "Foo 2"},
		{"Mon Jan 2", "Mox Jan 2"},
		{"2006-01-02 MST", "2010-02-04 abc"},
		{"2006-01-02 -0700", "2010-02-04 +07"},
		{"2006-01-02 Z07:00", "2010-02-04 +0700"},
		{"2006-01-02 -07:00", "2010-02-04 +25:00"},
		{time.RFC3339, "2010-02-04T21:00:57"},
		{time.RFC3339, "2010-02-04T21:00:57+8:00"},
		{time.RFC3339, "2010-02-04 21:00:57Z"},
		{time.RFC3339, "10000-02-04T21:00:57Z"},
		{time.RFC3339, "2010-02-04T21:00:57.Z"},
		{"15:04:05.000", "21:00:57.12"},
		{"15:04:05.000", "21:00:57"},
		{"2006 002", "2023 366"},
		{"2006 002", "2024 000"},
		{"2006-01-02 002", "2024-03-02 060"},
		{"", "nonempty"},
		{"\"quoted\" 2006", "\"quoted\" abc"},
		{"06", "1"},
		{"__2", "1234"},
		{"Jan", ""},
		{".000", ".1234"},
		{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05\x00Z"},
	}
	for _, c := range cases {
		_, err := time.Parse(c[0], c[1])
		fmt.Println(err)
	}
	_, err := time.Parse(time.Kitchen, "25:00PM")
	var pe *time.ParseError
	if errors.As(err, &pe) {
		fmt.Printf("%q %q %q %q %q\n", pe.Layout, pe.Value, pe.LayoutElem, pe.ValueElem, pe.Message)
	}
	fmt.Printf("%T %v\n", err, err)
	_, err = time.ParseInLocation(time.DateOnly, "2024-01-01", nil)
	fmt.Println(err)
}

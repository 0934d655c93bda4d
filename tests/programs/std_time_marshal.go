// Time's encodings: MarshalJSON/Text/Binary and AppendText/AppendBinary, their decoders
// (round trips keep the instant and the offset) and Go's errors for bad input.
package main

import (
	"fmt"
	"time"
)

func main() {
	ts := []time.Time{
		{},
		time.Date(2024, 2, 29, 23, 59, 59, 123456789, time.UTC),
		time.Date(2001, 9, 9, 1, 46, 40, 0, time.FixedZone("X", -(4*3600 + 30*60))),
		time.Date(1850, 1, 1, 0, 0, 0, 5000, time.FixedZone("LMT", 3600+17)),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("far", 25*3600)),
	}
	for _, t := range ts {
		j, err := t.MarshalJSON()
		fmt.Printf("json %s %v\n", j, err)
		x, err := t.MarshalText()
		fmt.Printf("text %s %v\n", x, err)
		b, err := t.MarshalBinary()
		fmt.Printf("bin %x %v\n", b, err)
		var u time.Time
		if err := u.UnmarshalBinary(b); err == nil {
			_, off := u.Zone()
			fmt.Println(" ->", u.Equal(t), off, u.Format(time.RFC3339Nano))
		}
		if j != nil {
			var v time.Time
			err := v.UnmarshalJSON(j)
			fmt.Println(" ->", v.Equal(t), err, v)
		}
	}
	var t time.Time
	for _, in := range []string{
		`null`, `"2024-01-02T03:04:05Z"`, `"2024-01-02T03:04:05.5+01:00"`, `2024`, `"x"`,
		`"2024-01-02T03:04:05"`, `"2024-01-02T03:04:05+24:00"`, `"2024-01-02 03:04:05Z"`,
		`"2024-01-02T03:04:05,5Z"`, `"2024-01-02T3:04:05Z"`,
	} {
		err := t.UnmarshalJSON([]byte(in))
		fmt.Println(in, "->", t, err)
	}
	err := t.UnmarshalText([]byte("2000-02-03T04:05:06.000000007-07:00"))
	fmt.Println(t, err)
	for _, b := range [][]byte{nil, {9}, {1, 2, 3}} {
		fmt.Println(t.UnmarshalBinary(b))
	}
	a, _ := ts[1].AppendText([]byte("at="))
	c, _ := ts[2].AppendBinary([]byte{0xff})
	g, _ := ts[1].GobEncode()
	fmt.Printf("%s %x %x\n", a, c, g)
	var d time.Time
	fmt.Println(d.GobDecode(g), d)
}

// Locations: UTC, FixedZone (named and unnamed), In, Zone, ZoneBounds, IsDST, Location
// names, LoadLocation's names that need no zone files, and a zone with daylight saving
// time built from TZif data made here (LoadLocationFromTZData, with a POSIX TZ rule).
package main

import (
	"fmt"
	"time"
)

// tzif builds a version-2 TZif file with no transitions, two zones and a TZ footer.
func tzif(footer string) []byte {
	be := func(b []byte, v uint32) []byte { return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v)) }
	block := func(b []byte, version byte) []byte {
		b = append(b, "TZif"...)
		b = append(b, version)
		b = append(b, make([]byte, 15)...)
		for _, n := range []uint32{0, 0, 0, 0, 2, 8} { // isutc isstd leap time type char
			b = be(b, n)
		}
		est, edt := int32(-5*3600), int32(-4*3600)
		b = be(b, uint32(est))
		b = append(b, 0, 0)
		b = be(b, uint32(edt))
		b = append(b, 1, 4)
		return append(b, "EST\x00EDT\x00"...)
	}
	b := block(nil, '2')
	b = block(b, '2')
	return append(b, "\n"+footer+"\n"...)
}

func main() {
	ny, err := time.LoadLocationFromTZData("Test/NewYork", tzif("EST5EDT,M3.2.0,M11.1.0"))
	fmt.Println(ny, err)
	for _, t := range []time.Time{
		time.Date(2024, 1, 15, 12, 0, 0, 0, ny), time.Date(2024, 7, 4, 12, 0, 0, 0, ny),
		time.Date(2024, 3, 10, 2, 30, 0, 0, ny), time.Date(2024, 11, 3, 1, 30, 0, 0, ny),
	} {
		name, off := t.Zone()
		s, e := t.ZoneBounds()
		fmt.Println(t, name, off, t.IsDST(), t.UTC(), "|", s, "|", e)
	}
	_, err = time.LoadLocationFromTZData("bad", []byte("TZif nonsense"))
	fmt.Println(err)

	for _, z := range []*time.Location{
		time.UTC, time.FixedZone("", 0), time.FixedZone("", 3600), time.FixedZone("", -1800),
		time.FixedZone("ABC", 12345), time.FixedZone("", 14*3600), time.FixedZone("", -12*3600-1),
	} {
		t := time.Date(2020, 2, 2, 2, 2, 2, 0, time.UTC).In(z)
		name, off := t.Zone()
		s, e := t.ZoneBounds()
		fmt.Printf("%q %q %d %v %v %v %v\n", z.String(), name, off, t, t.IsDST(), s.IsZero(), e.IsZero())
	}
	fmt.Println(time.FixedZone("", 7200) == time.FixedZone("", 7200), time.FixedZone("A", 7200) == time.FixedZone("A", 7200))
	for _, n := range []string{"", "UTC", "Local", "../etc/passwd", "/abs", "\\x"} {
		l, err := time.LoadLocation(n)
		fmt.Println(l == time.UTC, l == time.Local, err)
	}
	t := time.Date(2024, 6, 1, 10, 0, 0, 0, time.FixedZone("X", -7*3600))
	fmt.Println(t.UTC(), t.Location(), t.UTC().Location(), t.In(time.UTC) == t.UTC())
	defer func() { fmt.Println("recovered:", recover()) }()
	t.In(nil)
}

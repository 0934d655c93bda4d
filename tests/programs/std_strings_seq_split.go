// strings.SplitSeq and SplitAfterSeq yield exactly what Split and SplitAfter return,
// including empty fields, a trailing empty field and the per-rune split of an empty
// separator; yield returning false stops them.
package main

import (
	"fmt"
	"strings"
)

func collect(seq func(yield func(string) bool)) []string {
	var out []string
	seq(func(s string) bool {
		out = append(out, s)
		return true
	})
	return out
}

func main() {
	cases := [][2]string{
		{"a,b,c", ","},
		{"a,b,c,", ","},
		{",", ","},
		{"", ","},
		{"no separator", ";"},
		{"a--b----c", "--"},
		{"héllo", ""},
		{"", ""},
		{"日本語", ""},
		{"x\xffy", ""},
		{"one two  three", " "},
	}
	for _, c := range cases {
		s, sep := c[0], c[1]
		a := collect(strings.SplitSeq(s, sep))
		b := collect(strings.SplitAfterSeq(s, sep))
		fmt.Printf("%q by %q: %q %q\n", s, sep, a, b)
		if fmt.Sprintf("%q", a) != fmt.Sprintf("%q", strings.Split(s, sep)) {
			fmt.Println("  SplitSeq differs from Split")
		}
		if fmt.Sprintf("%q", b) != fmt.Sprintf("%q", strings.SplitAfter(s, sep)) {
			fmt.Println("  SplitAfterSeq differs from SplitAfter")
		}
	}

	// Early stop: find the first field longer than 3 bytes.
	found := ""
	calls := 0
	strings.SplitSeq("ab:cde:fghij:k:lmnop", ":")(func(f string) bool {
		calls++
		if len(f) > 3 {
			found = f
			return false
		}
		return true
	})
	fmt.Println(found, calls)
	strings.SplitAfterSeq("1;2;3", ";")(func(f string) bool {
		fmt.Printf("%q\n", f)
		return f != "2;"
	})
}

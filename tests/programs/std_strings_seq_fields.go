// strings.FieldsSeq and FieldsFuncSeq yield the fields Fields and FieldsFunc return, split
// at every Unicode space (U+3000, U+2003, U+0085 ...), and stop when yield returns false.
package main

import (
	"fmt"
	"strings"
	"unicode"
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
	inputs := []string{
		"  the quick\tbrown\n\nfox  ",
		"",
		"   ",
		"one",
		"a\u3000b\u2003c\u0085d\u00a0e\u1680f\u200bg",
		"x\xffy z\x80",
		"tab\vvertical\fform\rcr",
	}
	for _, in := range inputs {
		seq := collect(strings.FieldsSeq(in))
		fmt.Printf("%q -> %q (%d) same as Fields: %v\n", in, seq, len(seq),
			fmt.Sprint(seq) == fmt.Sprint(strings.Fields(in)))
	}

	notLetter := func(r rune) bool { return !unicode.IsLetter(r) }
	for _, in := range []string{"Hello, World! 42 times", "ünïcödé—words…here", "", "123"} {
		seq := collect(strings.FieldsFuncSeq(in, notLetter))
		fmt.Printf("%q -> %q same as FieldsFunc: %v\n", in, seq,
			fmt.Sprint(seq) == fmt.Sprint(strings.FieldsFunc(in, notLetter)))
	}

	// Stop after the second field: the iterator must not call yield again.
	n := 0
	strings.FieldsSeq("a b c d e")(func(f string) bool {
		n++
		fmt.Println("field", n, f)
		return n < 2
	})
	strings.FieldsFuncSeq("1,2,,3", func(r rune) bool { return r == ',' })(func(f string) bool {
		fmt.Println("csv field", f)
		return f != "2"
	})
}

// bytes' case mapping and Map: ToUpper, ToLower, ToTitle (ASCII fast paths and Unicode,
// simple one-to-one mappings as Go's: ß stays ß), the Special variants with
// unicode.TurkishCase, Title's word boundaries, and Map dropping, expanding and
// replacing invalid bytes; each returns a new slice.
package main

import (
	"bytes"
	"fmt"
	"unicode"
)

func main() {
	for _, s := range []string{"hello, world", "HELLO", "MiXeD 123", "", "straße", "ǆemal ǈ", "ﬁ ß ŉ", "Ωμέγα", "ıi İI", "\xffab\xc3"} {
		b := []byte(s)
		fmt.Printf("%-16q upper=%q lower=%q title=%q\n", s, bytes.ToUpper(b), bytes.ToLower(b), bytes.ToTitle(b))
	}

	// The results never alias the input.
	in := []byte("abc")
	up := bytes.ToUpper([]byte("ABC"))
	up[0] = 'x'
	low := bytes.ToLower(in)
	low[0] = 'Z'
	fmt.Printf("%s %s %s\n", in, up, low)
	fmt.Println(cap(bytes.ToUpper([]byte("already UPPER? no"))), cap(bytes.ToLower([]byte("NO LOWER NEEDED? yes"))))

	tr := []byte("diyarbakır İstanbul ılık")
	fmt.Printf("%s\n%s\n%s\n", bytes.ToUpperSpecial(unicode.TurkishCase, tr), bytes.ToLowerSpecial(unicode.TurkishCase, []byte("İSTANBUL ILIK")), bytes.ToTitleSpecial(unicode.AzeriCase, tr))
	fmt.Printf("%s\n", bytes.ToUpper(tr))

	for _, s := range []string{"hello world", "hello_world foo-bar", "o'neil mcdonald", "ünïcode wörds", "x1y2 3z", "  spaced\tout\nlines", "ǆungla ǉubav", "già-fatto.ok"} {
		fmt.Printf("Title(%q) = %q\n", s, bytes.Title([]byte(s)))
	}

	rot13 := func(r rune) rune {
		switch {
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+13)%26
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+13)%26
		}
		return r
	}
	fmt.Printf("%s\n", bytes.Map(rot13, []byte("Hello, Gopher!")))
	dropVowels := func(r rune) rune {
		if bytes.ContainsRune([]byte("aeiouAEIOU"), r) {
			return -1
		}
		return r
	}
	fmt.Printf("%s\n", bytes.Map(dropVowels, []byte("Programming in Go")))
	widen := func(r rune) rune {
		if r >= '!' && r <= '~' {
			return r + 0xFEE0 // fullwidth forms
		}
		return r
	}
	w := bytes.Map(widen, []byte("Go 1.26!"))
	fmt.Printf("%s len=%d cap=%d\n", w, len(w), cap(w))
	fmt.Printf("%q\n", bytes.Map(func(r rune) rune { return r }, []byte("ok\xffbad\xe2\x82")))
	fmt.Printf("%q\n", bytes.Map(func(r rune) rune { return -1 }, []byte("gone")))
	fmt.Printf("%q\n", bytes.Map(func(r rune) rune { return 0xD800 }, []byte("ab")))
}

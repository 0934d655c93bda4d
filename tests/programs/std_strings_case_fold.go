// strings case mapping and folding from Go's Unicode tables: ToUpper/ToLower/ToTitle
// (ß, ǆ, Σ, invalid UTF-8), the Special forms with TurkishCase, Title, EqualFold by
// simple folding (Kelvin sign, long s), ToValidUTF8, Map dropping runes.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	for _, s := range []string{"hello, world", "ßtraße", "ǆemal", "ΣΊΣΥΦΟΣ", "ǈ", "a\xffb\xc0", "ﬁne", "İstanbul"} {
		fmt.Printf("%q %q %q %q\n", strings.ToUpper(s), strings.ToLower(s), strings.ToTitle(s), strings.Title(s))
	}
	fmt.Println(strings.ToUpperSpecial(unicode.TurkishCase, "istanbul"), strings.ToLowerSpecial(unicode.TurkishCase, "İSTANBUL"),
		strings.ToTitleSpecial(unicode.AzeriCase, "i"))
	for _, p := range [][2]string{{"Go", "GO"}, {"Kelvin", "\u212Aelvin"}, {"ſ", "S"}, {"straße", "STRASSE"}, {"σ", "ς"}, {"", ""}, {"a", "ab"}, {"\xff", "\xff"}, {"É", "é"}} {
		fmt.Print(strings.EqualFold(p[0], p[1]), " ")
	}
	fmt.Println()
	fmt.Printf("%q %q %q\n", strings.ToValidUTF8("a\xff\xfeb\xc0", "�"), strings.ToValidUTF8("ok", "?"), strings.ToValidUTF8("\xff\xff", ""))
	drop := func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return unicode.ToUpper(r)
	}
	fmt.Println(strings.Map(drop, "a1b2c3 ü"), strings.Title("o'neil is here_now x-ray"))
}

// unicode's classes and case mappings on the code points where Go's tables differ from a
// naive reading of Unicode: title-case digraphs, Kelvin and Ångström signs, the Greek
// variants, Georgian Mtavruli, dotted and dotless i (also through TurkishCase), letter
// numbers and circled letters, and SimpleFold orbits.
package main

import (
	"fmt"
	"unicode"
)

func orbit(r rune) []rune {
	out := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		out = append(out, f)
	}
	return out
}

func main() {
	for _, r := range []rune{'A', 'z', 'ß', 'ẞ', 'ǅ', 'ǆ', 'Ǳ', 'K', 'Å', 'ς', 'ϑ', 'ϴ', 'ა', 'Ა', 'İ', 'ı', 'ſ', 'ﬀ', 'ᾳ', 'ᾼ', 'µ', 'Ⅻ', 'ⓐ', 'Ⓐ', 0x10400, 0x1E922, -1, 0x110000} {
		fmt.Printf("%U upper=%U lower=%U title=%U fold=%U\n", r, unicode.ToUpper(r), unicode.ToLower(r), unicode.ToTitle(r), orbit(r))
	}
	fmt.Println()
	for _, r := range []rune{'a', 'Ⅻ', 'ⓐ', '٣', '²', '_', '$', '+', '¡', '\u0345', '\u0301', '\u00a0', '\u0085', '\u2028', '\u200b', '\u00ad', '€', 'ǅ', 0xD800, -1} {
		fmt.Printf("%U L=%t Lu=%t Ll=%t Lt=%t Nd=%t N=%t P=%t S=%t M=%t space=%t ctl=%t graphic=%t print=%t\n",
			r, unicode.IsLetter(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsTitle(r),
			unicode.IsDigit(r), unicode.IsNumber(r), unicode.IsPunct(r), unicode.IsSymbol(r),
			unicode.IsMark(r), unicode.IsSpace(r), unicode.IsControl(r), unicode.IsGraphic(r), unicode.IsPrint(r))
	}
	fmt.Printf("%#U %#U %#U %#U\n", 'ǅ', '\u0085', '\u00a0', rune(-2))
	fmt.Println()
	for _, r := range []rune{'i', 'I', 'İ', 'ı', 'q'} {
		fmt.Printf("turkish %c: upper=%c lower=%c title=%c\n", r, unicode.TurkishCase.ToUpper(r), unicode.TurkishCase.ToLower(r), unicode.AzeriCase.ToTitle(r))
	}
	fmt.Println(unicode.To(unicode.UpperCase, 'ǆ'), unicode.To(unicode.TitleCase, 'ǆ'), unicode.To(unicode.LowerCase, 'Ǆ'), unicode.To(unicode.MaxCase, 'x') == unicode.ReplacementChar)

	// A SpecialCase of one's own: ranges map by their deltas; UpperLower alternates.
	rot := unicode.SpecialCase{
		unicode.CaseRange{Lo: 'a', Hi: 'm', Delta: [unicode.MaxCase]rune{13 - 32, 0, 13}},
		unicode.CaseRange{Lo: 0x100, Hi: 0x105, Delta: [unicode.MaxCase]rune{unicode.UpperLower, unicode.UpperLower, unicode.UpperLower}},
	}
	for _, r := range []rune{'a', 'm', 'n', 'A', 0x100, 0x101, 0x104, 0x105, 0x106} {
		fmt.Printf("%c -> %c %c %c\n", r, rot.ToUpper(r), rot.ToLower(r), rot.ToTitle(r))
	}
}

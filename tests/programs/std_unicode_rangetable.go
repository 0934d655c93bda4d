// unicode.RangeTable built by a program: Is (linear and binary search, strides, R16 and
// R32, negative runes), In and IsOneOf, and Version.
package main

import (
	"fmt"
	"unicode"
)

func main() {
	vowels := &unicode.RangeTable{
		R16: []unicode.Range16{{'A', 'A', 1}, {'E', 'E', 1}, {'I', 'I', 1}, {'O', 'O', 1}, {'U', 'U', 1},
			{'a', 'a', 1}, {'e', 'e', 1}, {'i', 'i', 1}, {'o', 'o', 1}, {'u', 'u', 1}},
		LatinOffset: 10,
	}
	evens := &unicode.RangeTable{R16: []unicode.Range16{{0x100, 0x1000, 2}}}
	var big []unicode.Range16
	for lo := uint16(0x2000); lo < 0x3000; lo += 0x40 {
		big = append(big, unicode.Range16{Lo: lo, Hi: lo + 0x10, Stride: 1})
	}
	bigTab := &unicode.RangeTable{R16: big, R32: []unicode.Range32{{0x1F600, 0x1F64F, 1}, {0x20000, 0x2A6DF, 3}}}
	for _, r := range []rune{'a', 'b', 'U', 0x100, 0x101, 0x1000, 0x1002, 0x2005, 0x2011, 0x2012, 0x2FC5, 0x1F600, 0x1F650, 0x20003, 0x20004, -1, 0x110000} {
		fmt.Printf("%#x %v %v %v %v %v\n", r, unicode.Is(vowels, r), unicode.Is(evens, r), unicode.Is(bigTab, r),
			unicode.In(r, vowels, evens), unicode.IsOneOf([]*unicode.RangeTable{bigTab}, r))
	}
	fmt.Println(unicode.Is(&unicode.RangeTable{}, 'x'), unicode.In('x'), unicode.Version)
}

package main

import (
	"fmt"
	"sort"
	"unicode"
)

func main() {
	fmt.Println(unicode.Is(unicode.Han, '世'), unicode.Is(unicode.Latin, 'é'), unicode.Is(unicode.Greek, 'a'))
	fmt.Println(unicode.In('x', unicode.Letter, unicode.Digit), unicode.IsOneOf([]*unicode.RangeTable{unicode.Nd}, '5'))
	fmt.Println(len(unicode.Categories), len(unicode.Scripts), len(unicode.Properties), len(unicode.FoldCategory), len(unicode.FoldScript), len(unicode.CategoryAliases))
	fmt.Println(unicode.Cc.R16, unicode.Cc.R32 == nil, unicode.Cc.LatinOffset)
	fmt.Println(len(unicode.Latin.R16), len(unicode.Latin.R32), unicode.Latin.R32[0])
	fmt.Println(unicode.CaseRanges[0], len(unicode.CaseRanges), unicode.CaseRanges[len(unicode.CaseRanges)-1])
	fmt.Println(unicode.Lu == unicode.Upper, unicode.Categories["Lu"] == unicode.Upper, unicode.Scripts["Han"] == unicode.Han)
	var names []string
	for name, t := range unicode.Scripts {
		if unicode.Is(t, 'ж') {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	fmt.Println(names)
	n := 0
	for r := rune(0); r < 0x30000; r++ {
		if unicode.Is(unicode.L, r) != unicode.IsLetter(r) || unicode.In(r, unicode.PrintRanges...) != (unicode.IsPrint(r) && r != ' ' || false) {
			n++
		}
	}
	fmt.Println("mismatch", n, len(unicode.GraphicRanges))
	for _, k := range []string{"L", "Lu", "Mn"} {
		fmt.Println(k, unicode.Is(unicode.FoldCategory[k], 'k'), unicode.Is(unicode.FoldCategory[k], 'K'))
	}
	fmt.Println(unicode.Is(unicode.FoldScript["Greek"], 'µ'), unicode.CategoryAliases["Letter"])
	fmt.Println(unicode.Is(unicode.White_Space, '\u00a0'), unicode.Is(unicode.Pattern_White_Space, '\u00a0'))
	unicode.Latin.R16 = append(unicode.Latin.R16, unicode.Range16{1, 2, 1})
	fmt.Println(len(unicode.Latin.R16))
}

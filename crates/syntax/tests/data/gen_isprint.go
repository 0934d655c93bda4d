// Generates the tables of crates/syntax/src/isprint.rs from real Go's strconv.IsPrint:
// go run gen_isprint.go
package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	var ranges [][2]rune
	in := false
	var lo rune
	for r := rune(0); r <= 0x10FFFF; r++ {
		p := strconv.IsPrint(r)
		if p && !in {
			lo, in = r, true
		} else if !p && in {
			ranges = append(ranges, [2]rune{lo, r - 1})
			in = false
		}
	}
	if in {
		ranges = append(ranges, [2]rune{lo, 0x10FFFF})
	}
	emit := func(name, ty string, big bool) {
		fmt.Printf("const %s: &[(%s, %s)] = &[\n", name, ty, ty)
		var line []string
		for _, rg := range ranges {
			if (rg[0] >= 0x10000) != big {
				continue
			}
			if big {
				line = append(line, fmt.Sprintf("(0x%05x, 0x%05x)", rg[0], rg[1]))
			} else {
				line = append(line, fmt.Sprintf("(0x%04x, 0x%04x)", rg[0], rg[1]))
			}
			if len(line) == 5 {
				fmt.Printf("    %s,\n", strings.Join(line, ", "))
				line = nil
			}
		}
		if len(line) > 0 {
			fmt.Printf("    %s,\n", strings.Join(line, ", "))
		}
		fmt.Printf("];\n")
	}
	for _, rg := range ranges {
		if rg[0] < 0x10000 && rg[1] >= 0x10000 {
			panic("range crosses BMP")
		}
	}
	emit("PRINT16", "u16", false)
	fmt.Println()
	emit("PRINT32", "u32", true)
}

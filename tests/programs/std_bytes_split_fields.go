// bytes' splitting: Split, SplitN, SplitAfter, SplitAfterN (empty separators, n of 0, 1,
// -1 and more than the pieces), Fields and FieldsFunc (ASCII and Unicode space), Join,
// and the capacities of the pieces, so that appending to one never clobbers the next.
package main

import (
	"bytes"
	"fmt"
	"unicode"
)

func q(parts [][]byte) string {
	if parts == nil {
		return "nil"
	}
	return fmt.Sprintf("%d%q", len(parts), parts)
}

func main() {
	s := []byte("a,b,,c,")
	comma := []byte(",")
	fmt.Println("Split", q(bytes.Split(s, comma)))
	fmt.Println("SplitAfter", q(bytes.SplitAfter(s, comma)))
	for _, n := range []int{-1, 0, 1, 2, 3, 10} {
		fmt.Println("SplitN", n, q(bytes.SplitN(s, comma, n)), "SplitAfterN", q(bytes.SplitAfterN(s, comma, n)))
	}
	fmt.Println("empty sep", q(bytes.Split([]byte("héllo\xff!"), nil)))
	fmt.Println("empty sep n=3", q(bytes.SplitN([]byte("héllo"), nil, 3)), q(bytes.SplitAfterN([]byte("héllo"), []byte{}, 2)))
	fmt.Println("empty input", q(bytes.Split(nil, comma)), q(bytes.Split([]byte{}, nil)))
	fmt.Println("multi-byte sep", q(bytes.Split([]byte("one<->two<->three"), []byte("<->"))))

	// Pieces have their capacity cut: appending copies instead of overwriting.
	parts := bytes.Split([]byte("x,y,z"), comma)
	fmt.Println("caps", len(parts[0]), cap(parts[0]), cap(parts[1]), cap(parts[2]))
	parts[0] = append(parts[0], '!')
	fmt.Printf("%q\n", parts)

	fmt.Println("Fields", q(bytes.Fields([]byte("  foo bar\tbaz\n\v\f\r qux  "))))
	fmt.Println("Fields unicode", q(bytes.Fields([]byte("\u00a0naïve\u2003café\u3000日本 "))))
	fmt.Println("Fields none", q(bytes.Fields([]byte(" \t\n"))), q(bytes.Fields(nil)))
	f := bytes.Fields([]byte("ab cd"))
	fmt.Println("field caps", cap(f[0]), cap(f[1]), cap(f))

	isSep := func(r rune) bool { return r == ';' || unicode.IsPunct(r) && r != '-' }
	fmt.Println("FieldsFunc", q(bytes.FieldsFunc([]byte(";;a-b;c,d!!e;"), isSep)))
	fmt.Println("FieldsFunc none", q(bytes.FieldsFunc([]byte(";;;"), isSep)), q(bytes.FieldsFunc(nil, isSep)))
	fmt.Println("FieldsFunc digits", q(bytes.FieldsFunc([]byte("ab12cd٣ef"), unicode.IsDigit)))

	fmt.Printf("Join %q\n", bytes.Join([][]byte{[]byte("a"), []byte("b"), []byte("c")}, []byte(", ")))
	one := bytes.Join([][]byte{[]byte("solo")}, []byte("-"))
	fmt.Printf("Join one %q %d\n", one, cap(one))
	none := bytes.Join(nil, []byte("-"))
	fmt.Printf("Join none %q nil=%t\n", none, none == nil)
	j := bytes.Join([][]byte{[]byte("x"), nil, []byte("yz")}, nil)
	fmt.Printf("Join nil sep %q len=%d cap=%d\n", j, len(j), cap(j))

	// Round trip: Split then Join restores the input.
	csv := []byte("name;age;city\nAda;36;London\nLinus;28;Helsinki")
	var rows [][]byte
	for _, line := range bytes.Split(csv, []byte("\n")) {
		cols := bytes.Split(line, []byte(";"))
		rows = append(rows, bytes.Join(cols, []byte(" | ")))
	}
	fmt.Printf("%s\n", bytes.Join(rows, []byte("\n")))
}

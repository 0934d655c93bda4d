// bytes' iterator functions (Go 1.24): Lines, SplitSeq, SplitAfterSeq, FieldsSeq and
// FieldsFuncSeq, compared with their slice-returning counterparts, stopped early with
// break, consumed by slices.Collect, and with the capacity of each yielded piece cut so
// that appending to it cannot overwrite the input.
package main

import (
	"bytes"
	"fmt"
	"slices"
	"unicode"
)

func main() {
	text := []byte("first line\nsecond line\r\n\nlast, no newline")
	n := 0
	for line := range bytes.Lines(text) {
		n++
		fmt.Printf("line %d: %q len=%d cap=%d\n", n, line, len(line), cap(line))
	}
	for range bytes.Lines(nil) {
		fmt.Println("never")
	}
	fmt.Printf("%q\n", slices.Collect(bytes.Lines([]byte("a\nb\n"))))

	// Early break: only the first two lines are produced.
	for line := range bytes.Lines(text) {
		if bytes.HasPrefix(line, []byte("second")) {
			fmt.Println("found second, stopping")
			break
		}
		fmt.Printf("before: %q\n", line)
	}

	csv := []byte("a,b,,c,")
	fmt.Printf("SplitSeq      %q\n", slices.Collect(bytes.SplitSeq(csv, []byte(","))))
	fmt.Printf("Split         %q\n", bytes.Split(csv, []byte(",")))
	fmt.Printf("SplitAfterSeq %q\n", slices.Collect(bytes.SplitAfterSeq(csv, []byte(","))))
	fmt.Printf("empty sep     %q\n", slices.Collect(bytes.SplitSeq([]byte("añb\xff"), nil)))
	fmt.Printf("empty input   %q %q\n", slices.Collect(bytes.SplitSeq(nil, []byte(","))), slices.Collect(bytes.SplitSeq(nil, nil)))
	for part := range bytes.SplitSeq([]byte("k1=v1;k2=v2;STOP;k3=v3"), []byte(";")) {
		if string(part) == "STOP" {
			break
		}
		k, v, _ := bytes.Cut(part, []byte("="))
		fmt.Printf("%s -> %s\n", k, v)
	}

	words := []byte("  the quick\tbrown\u00a0fox\u2003jumps  ")
	fmt.Printf("FieldsSeq     %q\n", slices.Collect(bytes.FieldsSeq(words)))
	fmt.Printf("Fields        %q\n", bytes.Fields(words))
	for w := range bytes.FieldsSeq(words) {
		fmt.Printf("%s(%d) ", w, cap(w))
		if len(w) == 5 {
			break
		}
	}
	fmt.Println()
	isSep := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	expr := []byte("x1 := (alpha+beta)*γ2 - 42;")
	fmt.Printf("FieldsFuncSeq %q\n", slices.Collect(bytes.FieldsFuncSeq(expr, isSep)))
	fmt.Printf("FieldsFunc    %q\n", bytes.FieldsFunc(expr, isSep))
	for tok := range bytes.FieldsFuncSeq(expr, isSep) {
		if unicode.IsDigit(rune(tok[0])) {
			fmt.Printf("first number: %s\n", tok)
			break
		}
	}

	// Yielded pieces have cap == len: appending reallocates, the input stays intact.
	data := []byte("ab,cd")
	for p := range bytes.SplitSeq(data, []byte(",")) {
		p = append(p, '!')
		_ = p
	}
	for p := range bytes.FieldsSeq([]byte("xy zw")) {
		p = append(p, '?')
		fmt.Printf("%s ", p)
	}
	fmt.Printf("\n%s\n", data)

	// Counting the pieces without keeping them.
	count := 0
	for range bytes.SplitAfterSeq([]byte("1-2-3-4"), []byte("-")) {
		count++
	}
	fmt.Println("pieces:", count)
}

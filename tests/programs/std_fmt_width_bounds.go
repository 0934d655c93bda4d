// fmt's widths and precisions are bounded as Go bounds them (1e6): larger ones are
// %!(BADWIDTH), %!(BADPREC) or %!(NOVERB), never a huge allocation; precisions past what
// a float64 holds print zeros.
package main

import "fmt"

func main() {
	fmt.Printf("%18446744073709551615s|\n", "abc")
	fmt.Printf("%*d|\n", 1<<40, 1)
	fmt.Printf("%.*f|\n", 1<<40, 1.5)
	fmt.Printf("%.*f|\n", -1, 1.5)
	fmt.Printf("%*d|\n", -3, 7)
	fmt.Printf("%-*d|\n", 1000001, 7)
	big := fmt.Sprintf("%.1000001f|", 1.5)
	fmt.Println(len(big), big[:10], big[len(big)-3:])
	e := fmt.Sprintf("%.70000e|%.900g", 1.0/3, 2.0/3)
	fmt.Println(len(e), e[:12], e[70000:70010])
	fmt.Printf("%99999999d|\n", 5)
	fmt.Printf("%5.|\n", 5)
	fmt.Printf("%5.d|\n", 5)
	fmt.Printf("%.d|%.0d|\n", 0, 0)
	fmt.Printf("%*.*s|\n", 8, 2, "hello")
	fmt.Printf("%[2]*[1]d|\n", 12, 5)
	fmt.Printf("%*d|\n", "x", 5)
	fmt.Printf("%*d|\n", uint8(4), 5)
	s := fmt.Sprintf("%1000000d", 1)
	fmt.Println(len(s))
}

type S struct{ A int; B string }

func init() {
	fmt.Printf("%#z|%+z|%8z|%-8.2z|%08z\n", S{1, "x"}, S{2, "y"}, 3, "hello", 4.5)
	fmt.Printf("%z %!|\n", []int{1}, nil)
}

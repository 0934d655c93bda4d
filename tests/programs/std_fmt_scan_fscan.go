package main

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

type point struct{ x, y int }

// Scan implements fmt.Scanner: "(x,y)".
func (p *point) Scan(state fmt.ScanState, verb rune) error {
	state.SkipSpace()
	if r, _, _ := state.ReadRune(); r != '(' {
		return fmt.Errorf("point: expected '(' got %q", r)
	}
	tok, err := state.Token(false, func(r rune) bool { return r != ')' })
	if err != nil {
		return err
	}
	state.ReadRune()
	_, err = fmt.Sscanf(string(tok), "%d,%d", &p.x, &p.y)
	return err
}

func main() {
	input := "3\nalice 90\nbob 75\ncarol 88\n"
	r := strings.NewReader(input)
	var count int
	fmt.Fscan(r, &count)
	total := 0
	for i := 0; i < count; i++ {
		var name string
		var score int
		n, err := fmt.Fscan(r, &name, &score)
		fmt.Println(n, err, name, score)
		total += score
	}
	var extra string
	n, err := fmt.Fscan(r, &extra)
	fmt.Println(n, err, err == io.EOF, total)

	// Fscanln line by line from a bufio.Reader.
	br := bufio.NewReader(strings.NewReader("1 2\n3 4 5\n\n6 7\n"))
	for {
		var a, b int
		n, err := fmt.Fscanln(br, &a, &b)
		if err == io.EOF {
			fmt.Println("EOF")
			break
		}
		fmt.Println(n, err, a, b)
		if err != nil && err.Error() == "expected newline" {
			br.ReadString('\n')
		}
	}

	// Fscanf with a reader that is not a RuneScanner.
	var x, y int
	n, err = fmt.Fscanf(io.MultiReader(strings.NewReader("10,"), strings.NewReader("20")), "%d,%d", &x, &y)
	fmt.Println(n, err, x, y)

	// A custom Scanner.
	var p, q point
	n, err = fmt.Sscan("(1,2) (30,-4)", &p, &q)
	fmt.Println(n, err, p, q)
	n, err = fmt.Sscan("[1,2]", &p)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("pt=(5,6)", "pt=%v", &p)
	fmt.Println(n, err, p)

	// Append, Appendf, Appendln.
	b := []byte("log:")
	b = fmt.Append(b, " x", 1, 2, "y")
	b = fmt.Appendf(b, " [%03d]", 7)
	b = fmt.Appendln(b, " end", true)
	fmt.Printf("%q\n", b)
	var sb strings.Builder
	n, err = fmt.Fprintf(&sb, "%s=%d", "k", 5)
	fmt.Println(n, err, sb.String())
}

package main

import (
	"fmt"
	"strings"
	"unicode"
)

type Kind int

const (
	Num Kind = iota
	Ident
	Op
	LParen
	RParen
)

func (k Kind) String() string {
	return [...]string{"Num", "Ident", "Op", "LParen", "RParen"}[k]
}

type Token struct {
	Kind Kind
	Text string
	Pos  int
}

func tokenize(src string) ([]Token, error) {
	var toks []Token
	i := 0
	for i < len(src) {
		c := rune(src[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsDigit(c):
			start := i
			for i < len(src) && (unicode.IsDigit(rune(src[i])) || src[i] == '.') {
				i++
			}
			toks = append(toks, Token{Num, src[start:i], start})
		case unicode.IsLetter(c) || c == '_':
			start := i
			for i < len(src) && (unicode.IsLetter(rune(src[i])) || unicode.IsDigit(rune(src[i])) || src[i] == '_') {
				i++
			}
			toks = append(toks, Token{Ident, src[start:i], start})
		case strings.ContainsRune("+-*/=<>", c):
			if i+1 < len(src) && src[i+1] == '=' {
				toks = append(toks, Token{Op, src[i : i+2], i})
				i += 2
			} else {
				toks = append(toks, Token{Op, string(c), i})
				i++
			}
		case c == '(':
			toks = append(toks, Token{LParen, "(", i})
			i++
		case c == ')':
			toks = append(toks, Token{RParen, ")", i})
			i++
		default:
			return toks, fmt.Errorf("unexpected %q at %d", c, i)
		}
	}
	return toks, nil
}

func main() {
	toks, err := tokenize("x1 = (rate * 3.5) >= limit_2")
	for _, t := range toks {
		fmt.Printf("%-6v %-6q @%d\n", t.Kind, t.Text, t.Pos)
	}
	fmt.Println(err)
	toks, err = tokenize("a + $b")
	fmt.Println(len(toks), err)
}

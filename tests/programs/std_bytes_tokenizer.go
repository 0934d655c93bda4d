// A small expression tokenizer over a bytes.Reader, using ReadRune and UnreadRune for one
// rune of lookahead and Seek to rewind, with the tokens collected in a bytes.Buffer.
package main

import (
	"bytes"
	"fmt"
	"io"
	"unicode"
)

type token struct {
	kind string
	text string
}

func lex(r *bytes.Reader) ([]token, error) {
	var toks []token
	var cur bytes.Buffer
	for {
		c, _, err := r.ReadRune()
		if err == io.EOF {
			return toks, nil
		}
		switch {
		case unicode.IsSpace(c):
			continue
		case unicode.IsLetter(c) || c == '_':
			cur.Reset()
			for err == nil && (unicode.IsLetter(c) || unicode.IsDigit(c) || c == '_') {
				cur.WriteRune(c)
				c, _, err = r.ReadRune()
			}
			if err == nil {
				r.UnreadRune()
			}
			toks = append(toks, token{"ident", cur.String()})
		case unicode.IsDigit(c):
			cur.Reset()
			for err == nil && (unicode.IsDigit(c) || c == '.') {
				cur.WriteRune(c)
				c, _, err = r.ReadRune()
			}
			if err == nil {
				r.UnreadRune()
			}
			toks = append(toks, token{"number", cur.String()})
		case c == '"':
			cur.Reset()
			for {
				c, _, err = r.ReadRune()
				if err != nil {
					return toks, fmt.Errorf("unterminated string at offset %d", r.Size()-int64(r.Len()))
				}
				if c == '"' {
					break
				}
				cur.WriteRune(c)
			}
			toks = append(toks, token{"string", cur.String()})
		default:
			op := string(c)
			if n, _, err := r.ReadRune(); err == nil {
				if two := op + string(n); two == ":=" || two == "==" || two == "<=" || two == "≠≠" {
					op = two
				} else {
					r.UnreadRune()
				}
			}
			toks = append(toks, token{"op", op})
		}
	}
}

func main() {
	src := []byte(`größe := 3.14 * r_2 + len("héllo") <= 10 ≠ π`)
	r := bytes.NewReader(src)
	toks, err := lex(r)
	fmt.Println(len(toks), "tokens, err:", err)
	for _, t := range toks {
		fmt.Printf("%-6s %q\n", t.kind, t.text)
	}

	// Rewind and lex only the first statement's left side.
	r.Seek(0, io.SeekStart)
	line, _ := io.ReadAll(io.LimitReader(r, int64(bytes.Index(src, []byte(":=")))))
	toks, _ = lex(bytes.NewReader(bytes.TrimSpace(line)))
	fmt.Printf("lhs: %v\n", toks)

	_, err = lex(bytes.NewReader([]byte(`x = "open`)))
	fmt.Println("error:", err)
}

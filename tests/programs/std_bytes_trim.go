// bytes' trimming: Trim, TrimLeft, TrimRight with single-byte, ASCII and Unicode cutsets;
// TrimFunc, TrimLeftFunc, TrimRightFunc; TrimSpace (ASCII and Unicode white space,
// invalid UTF-8); TrimPrefix and TrimSuffix; and which of them return nil.
package main

import (
	"bytes"
	"fmt"
	"unicode"
)

func show(name string, b []byte) {
	fmt.Printf("%-28s %q nil=%t\n", name, b, b == nil)
}

func main() {
	s := []byte("xxhello worldxx")
	show("Trim x", bytes.Trim(s, "x"))
	show("Trim xdl", bytes.Trim(s, "xdl"))
	show("TrimLeft xh", bytes.TrimLeft(s, "xh"))
	show("TrimRight xd", bytes.TrimRight(s, "xd"))
	show("Trim all", bytes.Trim(s, "xhelowrd "))
	show("TrimLeft all", bytes.TrimLeft(s, "xhelowrd "))
	show("TrimRight all", bytes.TrimRight(s, "xhelowrd "))
	show("Trim empty cutset", bytes.Trim(s, ""))
	show("Trim nil input", bytes.Trim(nil, "x"))
	show("Trim empty input", bytes.Trim([]byte{}, "x"))
	show("TrimRight empty input", bytes.TrimRight([]byte{}, "x"))

	u := []byte("¡¡¿Qué tal?!!")
	show("Trim unicode", bytes.Trim(u, "¡!¿?"))
	show("TrimLeft unicode", bytes.TrimLeft(u, "¡¿"))
	show("TrimRight unicode", bytes.TrimRight(u, "?!"))
	show("Trim invalid", bytes.Trim([]byte("\xff\xfeabc\xff"), "\ufffd"))
	show("TrimRight invalid", bytes.TrimRight([]byte("abc\xe2\x82"), "\ufffd"))
	show("Trim 9+ ASCII", bytes.Trim([]byte("--==++abc++==--"), "-=+"))

	show("TrimFunc digits", bytes.TrimFunc([]byte("123abc456"), unicode.IsDigit))
	show("TrimLeftFunc letters", bytes.TrimLeftFunc([]byte("héllo123"), unicode.IsLetter))
	show("TrimRightFunc letters", bytes.TrimRightFunc([]byte("123héllo"), unicode.IsLetter))
	show("TrimLeftFunc all", bytes.TrimLeftFunc([]byte("abc"), unicode.IsLetter))
	show("TrimRightFunc all", bytes.TrimRightFunc([]byte("abc"), unicode.IsLetter))
	show("TrimFunc all", bytes.TrimFunc([]byte("abc"), unicode.IsLetter))
	show("TrimRightFunc multibyte", bytes.TrimRightFunc([]byte("x世界"), func(r rune) bool { return r == '界' }))

	show("TrimSpace ascii", bytes.TrimSpace([]byte(" \t\n hello world \r\n")))
	show("TrimSpace unicode", bytes.TrimSpace([]byte("\u00a0\u2003 héllo \u3000\u0085")))
	show("TrimSpace inner unicode", bytes.TrimSpace([]byte("  a\u2003b  ")))
	show("TrimSpace only space", bytes.TrimSpace([]byte(" \t \u00a0")))
	show("TrimSpace empty", bytes.TrimSpace([]byte{}))
	show("TrimSpace invalid", bytes.TrimSpace([]byte(" \xff x \xfe ")))
	show("TrimSpace unchanged", bytes.TrimSpace([]byte("ok")))

	show("TrimPrefix", bytes.TrimPrefix([]byte("prefix-body"), []byte("prefix-")))
	show("TrimPrefix miss", bytes.TrimPrefix([]byte("prefix-body"), []byte("body")))
	show("TrimSuffix", bytes.TrimSuffix([]byte("file.tar.gz"), []byte(".gz")))
	show("TrimSuffix whole", bytes.TrimSuffix([]byte("abc"), []byte("abc")))
	show("TrimPrefix nil", bytes.TrimPrefix(nil, nil))

	// A config file cleaned line by line.
	conf := []byte("  # comment\n\tname = gosub  \n\n  version= 1.26\t\n")
	for _, line := range bytes.Split(conf, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, v, _ := bytes.Cut(line, []byte("="))
		fmt.Printf("%q => %q\n", bytes.TrimRight(k, " \t"), bytes.TrimLeft(v, " \t"))
	}
}

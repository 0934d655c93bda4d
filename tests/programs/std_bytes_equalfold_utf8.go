// bytes.EqualFold under simple Unicode case folding (Kelvin sign, long s, final sigma,
// title-case digraphs, ß vs ẞ but not "ss", dotted and dotless i, invalid UTF-8), then
// ToValidUTF8 and Runes on invalid input.
package main

import (
	"bytes"
	"fmt"
)

func main() {
	pairs := [][2]string{
		{"Go", "GO"}, {"Go", "go!"}, {"", ""}, {"a", ""},
		{"Kelvin", "\u212Aelvin"}, {"ſtop", "STOP"}, {"σίσυφος", "ΣΊΣΥΦΟΣ"}, {"ς", "Σ"}, {"ς", "σ"},
		{"ǆ", "Ǆ"}, {"ǅ", "ǆ"}, {"straße", "STRASSE"}, {"ß", "ẞ"}, {"µ", "Μ"}, {"Å", "\u212B"},
		{"ı", "I"}, {"İ", "i"}, {"i", "I"}, {"θ", "ϑ"}, {"ϴ", "θ"},
		{"\xff", "\xfe"}, {"\xff", "\ufffd"}, {"a\xffb", "A\xffB"},
		{"résumé", "RÉSUMÉ"}, {"résumé", "RESUME"}, {"ΑΒΓ", "αβγ"}, {"日本", "日本"}, {"Ꭰ", "ꭰ"},
		{"@", "`"}, {"[", "{"}, {"Z", "z"},
	}
	for _, p := range pairs {
		fmt.Printf("EqualFold(%q, %q) = %t\n", p[0], p[1], bytes.EqualFold([]byte(p[0]), []byte(p[1])))
	}

	for _, s := range []string{"valid ✓", "a\xffb", "\xff\xfe\xfd", "x\xe2\x82y", "\xed\xa0\x80z", "\xf0\x9f\x98\x80", "\xc0\xaf", "end\xe2"} {
		fmt.Printf("%-20q -> %q | %q | %q\n", s,
			bytes.ToValidUTF8([]byte(s), []byte("\ufffd")),
			bytes.ToValidUTF8([]byte(s), []byte("?")),
			bytes.ToValidUTF8([]byte(s), nil))
	}
	v := bytes.ToValidUTF8([]byte("abc"), []byte("[bad]"))
	fmt.Println(len(v), cap(v))
	e := bytes.ToValidUTF8(nil, nil)
	fmt.Println(e == nil, len(e))

	for _, s := range []string{"héllo", "a\xffb", "", "日本語"} {
		r := bytes.Runes([]byte(s))
		fmt.Printf("Runes(%q) = %U len=%d\n", s, r, len(r))
	}
}
